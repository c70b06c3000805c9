package gmpvm.loader.trace;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code run --trace-html FILE.html}: one self-contained page (inline script and style, no
 * network) drawing the timeline on a canvas: a lane per P then per M, a slice per goroutine run
 * coloured per goroutine (M lanes also show parked and spinning periods in grey, the world stopped in dark red), ticks for the
 * context switches on the M lanes (a click shows the switch's before and after), zoom (wheel,
 * buttons) and pan (drag), a tooltip per slice and a legend of goroutines. The page states what
 * A link may name a window of the run: {@code FILE.html#view=START,END} (virtual ns). The page states what
 * it drew in attributes of its body ({@code data-lanes}, {@code data-drawn}, {@code data-view-start},
 * {@code data-view-end}, {@code data-first-paint-ms}) for tests.
 */
public final class TraceHtml {
    private TraceHtml() {
    }

    public static void write(List<TraceEvent> events, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(events, w);
        }
    }

    public static void write(List<TraceEvent> events, Writer w) throws IOException {
        int head = PAGE.indexOf("/*DATA*/");
        w.write(PAGE.substring(0, head));
        data(events, w);
        w.write(PAGE.substring(head + "/*DATA*/".length()));
    }

    /**
     * The page's data, as JSON in a script element of its own (parsed with JSON.parse, much
     * faster than the same text as a script literal; no '<' can occur in it, Json escapes it): lanes, strings, slices [lane, start, dur, goid, name, startInsn, endInsn, why], switches. */
    private static void data(List<TraceEvent> events, Writer w) throws IOException {
        Map<String, Integer> lanes = new LinkedHashMap<>();
        Map<Long, String> pNames = new TreeMap<>();
        Map<Long, String> mNames = new TreeMap<>();
        for (TraceEvent e : events) {
            if (e.ph.equals("M") && e.name.equals("thread_name") && e.pid == TraceEvent.PID_PS) {
                pNames.put(e.tid, e.str("name"));
            } else if (e.ph.equals("M") && e.name.equals("thread_name") && e.pid == TraceEvent.PID_MS) {
                mNames.put(e.tid, e.str("name"));
            }
        }
        for (TraceEvent e : events) {
            if (e.ph.equals("X") && e.pid == TraceEvent.PID_PS) {
                pNames.putIfAbsent(e.tid, "P" + e.tid);
            } else if (e.ph.equals("X") && e.pid == TraceEvent.PID_MS) {
                mNames.putIfAbsent(e.tid, "M" + e.tid);
            }
        }
        List<String> laneNames = new ArrayList<>();
        for (Map.Entry<Long, String> e : pNames.entrySet()) {
            lanes.put(TraceEvent.PID_PS + ":" + e.getKey(), lanes.size());
            laneNames.add(e.getValue());
        }
        for (Map.Entry<Long, String> e : mNames.entrySet()) {
            lanes.put(TraceEvent.PID_MS + ":" + e.getKey(), lanes.size());
            laneNames.add(e.getValue());
        }
        Map<String, Integer> strings = new HashMap<>();
        List<String> table = new ArrayList<>();
        StringBuilder b = new StringBuilder(1 << 16);
        b.append("{\"lanes\":");
        Json.value(b, laneNames);
        b.append(",\"pLanes\":").append(pNames.size());
        long end = 0;
        b.append(",\"slices\":[");
        boolean first = true;
        for (TraceEvent e : TraceFile.sorted(events)) {
            if (!e.ph.equals("X")) {
                continue;
            }
            Integer lane = lanes.get(e.pid + ":" + e.tid);
            if (lane == null) {
                continue;
            }
            end = Math.max(end, e.ts + e.dur);
            b.append(first ? "" : ",").append('[').append(lane).append(',').append(e.ts).append(',').append(e.dur).append(',')
                    .append(e.num("goid", -1)).append(',').append(intern(e.name, strings, table)).append(',')
                    .append(e.num("startInsn", -1)).append(',').append(e.num("endInsn", -1)).append(',')
                    .append(intern(e.str("why"), strings, table)).append(']');
            first = false;
            if (b.length() > (1 << 16)) {
                w.write(b.toString());
                b.setLength(0);
            }
        }
        b.append("],\"switches\":[");
        first = true;
        for (TraceEvent e : TraceFile.sorted(events)) {
            if (!e.ph.equals("i") || !"switch".equals(e.cat)) {
                continue;
            }
            Integer lane = lanes.get(e.pid + ":" + e.tid);
            if (lane == null) {
                continue;
            }
            end = Math.max(end, e.ts);
            String detail = e.name + "\nbefore: " + e.str("from") + " (saved pc " + e.str("fromSavedPc") + ", sp " + e.str("fromSavedSp")
                    + ")\nafter: " + e.str("to") + " (sp " + e.str("sp") + ")\nby " + e.str("routine") + " at " + e.str("pc")
                    + "\ninstruction " + e.num("insn", -1) + ", " + micros(e.ts) + " µs";
            b.append(first ? "" : ",").append('[').append(lane).append(',').append(e.ts).append(',')
                    .append(intern(detail, strings, table)).append(']');
            first = false;
            if (b.length() > (1 << 16)) {
                w.write(b.toString());
                b.setLength(0);
            }
        }
        b.append("],\"end\":").append(end).append(",\"strings\":");
        Json.value(b, table);
        b.append('}');
        w.write(b.toString());
    }

    private static int intern(String s, Map<String, Integer> strings, List<String> table) {
        return strings.computeIfAbsent(s, k -> {
            table.add(k);
            return table.size() - 1;
        });
    }

    private static String micros(long ns) {
        StringBuilder b = new StringBuilder();
        TraceFile.micros(b, ns);
        return b.toString();
    }

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>gmpvm scheduler timeline</title>
            <style>
            body{font:13px system-ui,sans-serif;margin:0;color:#222;background:#fff}
            header{padding:6px 10px;border-bottom:1px solid #ddd;display:flex;gap:8px;align-items:center;flex-wrap:wrap}
            header h1{font-size:15px;margin:0 12px 0 0}
            button{font:inherit;padding:2px 8px}
            #wrap{position:relative;display:flex}
            #labels{width:170px;flex:none}
            .lane-label{height:24px;line-height:24px;padding-left:8px;border-bottom:1px solid #eee;white-space:nowrap;overflow:hidden;font-size:12px}
            .lane-label.m{color:#555}
            #plot{flex:1;position:relative;min-width:0}
            canvas{display:block;cursor:grab}
            #axis{height:20px;font-size:11px;color:#666;position:relative;border-bottom:1px solid #ddd}
            #tip{position:fixed;display:none;background:#222;color:#fff;padding:6px 8px;border-radius:4px;white-space:pre;font-size:12px;pointer-events:none;z-index:5}
            #details{white-space:pre;font-family:monospace;padding:8px 10px;border-top:1px solid #ddd;min-height:3em}
            #legend{padding:6px 10px;display:flex;flex-wrap:wrap;gap:10px;border-top:1px solid #ddd}
            .key{display:inline-flex;align-items:center;gap:4px}.swatch{width:12px;height:12px;display:inline-block;border-radius:2px}
            </style></head><body>
            <header><h1>gmpvm scheduler timeline</h1>
            <button id="zoom-in" title="zoom in">+</button><button id="zoom-out" title="zoom out">&minus;</button><button id="zoom-reset">whole run</button>
            <span id="view"></span><span style="color:#777">wheel: zoom · drag: pan · click a switch tick (M lanes) for its before/after</span></header>
            <div id="wrap"><div id="labels"><div style="height:20px"></div></div><div id="plot"><div id="axis"></div><canvas id="timeline"></canvas></div></div>
            <div id="details">Click a context switch (a tick on an M lane) to see it here.</div>
            <div id="legend"></div><div id="tip"></div>
            <script id="trace-data" type="application/json">/*DATA*/</script>
            <script>
            "use strict";
            const D = JSON.parse(document.getElementById('trace-data').textContent);
            const LANE_H = 24, S = D.strings;
            const canvas = document.getElementById('timeline'), ctx = canvas.getContext('2d');
            const tip = document.getElementById('tip'), body = document.body;
            const byLane = D.lanes.map(() => []), swByLane = D.lanes.map(() => []);
            for (const s of D.slices) byLane[s[0]].push(s);
            for (const w of D.switches) swByLane[w[0]].push(w);
            let maxDur = D.lanes.map(() => 0);
            for (const s of D.slices) if (s[2] > maxDur[s[0]]) maxDur[s[0]] = s[2];
            const end = Math.max(D.end, 1);
            let v0 = 0, v1 = end;
            const labels = document.getElementById('labels');
            D.lanes.forEach((name, i) => { const d = document.createElement('div'); d.className = 'lane-label' + (i >= D.pLanes ? ' m' : ''); d.textContent = name; labels.appendChild(d); });
            body.dataset.lanes = D.lanes.length;
            const colours = new Map();
            function colour(goid, name) {
              let c = colours.get(goid < 0 ? name : goid);
              if (c === undefined) { c = colourOf(goid, name); colours.set(goid < 0 ? name : goid, c); }
              return c;
            }
            function colourOf(goid, name) {
              if (goid < 0) return name.startsWith('parked') ? '#c8c8c8' : name.startsWith('world') ? '#8e3b46' : '#9aa7b4';
              return 'hsl(' + ((goid * 137.508) % 360).toFixed(1) + ',62%,58%)';
            }
            function us(ns) { return (ns / 1000).toFixed(3) + ' µs'; }
            function size() {
              const w = document.getElementById('plot').clientWidth;
              const dpr = window.devicePixelRatio || 1;
              canvas.style.width = w + 'px'; canvas.style.height = (D.lanes.length * LANE_H) + 'px';
              canvas.width = Math.round(w * dpr); canvas.height = Math.round(D.lanes.length * LANE_H * dpr);
              ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
            }
            function first(arr, t) { let lo = 0, hi = arr.length; while (lo < hi) { const m = (lo + hi) >> 1; if (arr[m][1] < t) lo = m + 1; else hi = m; } return lo; }
            function draw() {
              const w = canvas.clientWidth, k = w / (v1 - v0);
              ctx.clearRect(0, 0, w, D.lanes.length * LANE_H);
              let drawn = 0;
              for (let l = 0; l < D.lanes.length; l++) {
                const y = l * LANE_H;
                ctx.fillStyle = l % 2 ? '#fafafa' : '#fff'; ctx.fillRect(0, y, w, LANE_H);
                const arr = byLane[l];
                let fill = null;
                for (let i = first(arr, v0 - maxDur[l]); i < arr.length && arr[i][1] <= v1; i++) {
                  const s = arr[i]; if (s[1] + s[2] < v0) continue;
                  const x = (s[1] - v0) * k, x2 = (s[1] + s[2] - v0) * k;
                  const c = colour(s[3], S[s[4]]); if (c !== fill) { ctx.fillStyle = c; fill = c; }
                  ctx.fillRect(x, y + 3, Math.max(1, x2 - x), LANE_H - 6);
                  if (x2 - x > 40) { fill = null; ctx.fillStyle = '#111'; ctx.font = '11px system-ui'; ctx.save(); ctx.beginPath(); ctx.rect(x, y, x2 - x, LANE_H); ctx.clip(); ctx.fillText(S[s[4]], x + 3, y + 16); ctx.restore(); }
                  drawn++;
                }
                ctx.fillStyle = '#333';
                const sw = swByLane[l];
                for (let i = first(sw, v0); i < sw.length && sw[i][1] <= v1; i++) ctx.fillRect((sw[i][1] - v0) * k - 0.5, y, 1, 4);
              }
              body.dataset.drawn = drawn; body.dataset.viewStart = v0; body.dataset.viewEnd = v1;
              document.getElementById('view').textContent = us(v0) + ' – ' + us(v1);
              const axis = document.getElementById('axis'); axis.textContent = '';
              for (let i = 0; i <= 4; i++) { const s = document.createElement('span'); s.style.position = 'absolute'; s.style.left = (i * 24) + '%'; s.textContent = us(v0 + (v1 - v0) * i / 4); axis.appendChild(s); }
            }
            function zoom(f, at) {
              const c = at === undefined ? (v0 + v1) / 2 : at;
              let n0 = c - (c - v0) * f, n1 = c + (v1 - c) * f;
              if (n1 - n0 < 10) return;
              v0 = Math.max(0, n0); v1 = Math.min(end, n1); if (v1 <= v0) { v0 = 0; v1 = end; }
              draw();
            }
            function hit(ev) {
              const r = canvas.getBoundingClientRect(), x = ev.clientX - r.left, y = ev.clientY - r.top;
              const l = Math.floor(y / LANE_H); if (l < 0 || l >= D.lanes.length) return null;
              const t = v0 + x * (v1 - v0) / r.width, slop = 3 * (v1 - v0) / r.width;
              const sw = swByLane[l];
              if (y - l * LANE_H < 8) for (let i = first(sw, t - slop); i < sw.length && sw[i][1] <= t + slop; i++) return {sw: sw[i]};
              const arr = byLane[l];
              for (let i = first(arr, t - maxDur[l]); i < arr.length && arr[i][1] <= t; i++) if (arr[i][1] + arr[i][2] >= t) return {s: arr[i], lane: l};
              return null;
            }
            function tipText(h) {
              if (h.sw) return S[h.sw[2]];
              const s = h.s, g = s[3] >= 0 ? 'goid ' + s[3] + ' · ' : '';
              return S[s[4]] + '\\n' + g + D.lanes[h.lane] + '\\nstart ' + us(s[1]) + ' (instruction ' + s[5] + ')\\nend ' + us(s[1] + s[2]) + ' (instruction ' + s[6] + ')' + (S[s[7]] ? '\\nstopped: ' + S[s[7]] : '');
            }
            let drag = null;
            canvas.addEventListener('mousedown', e => { drag = {x: e.clientX, v0, v1, moved: false}; });
            window.addEventListener('mouseup', e => {
              if (drag && !drag.moved) { const h = hit(e); if (h && h.sw) document.getElementById('details').textContent = S[h.sw[2]]; }
              drag = null;
            });
            canvas.addEventListener('mousemove', e => {
              if (drag && e.buttons) {
                const dx = e.clientX - drag.x; if (Math.abs(dx) > 2) drag.moved = true;
                const dt = dx * (drag.v1 - drag.v0) / canvas.clientWidth, span = drag.v1 - drag.v0;
                v0 = Math.min(Math.max(0, drag.v0 - dt), end - span); v1 = v0 + span; draw(); return;
              }
              const h = hit(e);
              if (!h) { tip.style.display = 'none'; return; }
              tip.textContent = tipText(h); tip.style.display = 'block';
              tip.style.left = (e.clientX + 12) + 'px'; tip.style.top = (e.clientY + 12) + 'px';
            });
            canvas.addEventListener('mouseleave', () => { tip.style.display = 'none'; });
            canvas.addEventListener('wheel', e => { e.preventDefault(); const r = canvas.getBoundingClientRect(); zoom(e.deltaY < 0 ? 0.8 : 1.25, v0 + (e.clientX - r.left) * (v1 - v0) / r.width); }, {passive: false});
            document.getElementById('zoom-in').onclick = () => zoom(0.5);
            document.getElementById('zoom-out').onclick = () => zoom(2);
            document.getElementById('zoom-reset').onclick = () => { v0 = 0; v1 = end; draw(); };
            const legend = document.getElementById('legend'), seen = new Map();
            for (const s of D.slices) if (s[3] >= 0 && !seen.has(s[3]) && seen.size < 200) seen.set(s[3], S[s[4]]);
            for (const [goid, name] of [...seen].sort((a, b) => a[0] - b[0])) { const k = document.createElement('span'); k.className = 'key'; k.innerHTML = '<span class="swatch"></span>'; k.firstChild.style.background = colour(goid, name); k.appendChild(document.createTextNode(name)); legend.appendChild(k); }
            const grey = document.createElement('span'); grey.className = 'key'; grey.innerHTML = '<span class="swatch" style="background:#9aa7b4"></span>spinning <span class="swatch" style="background:#c8c8c8"></span>parked (futex), P idle <span class="swatch" style="background:#8e3b46"></span>world stopped'; legend.appendChild(grey);
            function fromHash() {
              const m = /view=(\\d+),(\\d+)/.exec(location.hash);
              if (m && +m[2] > +m[1]) { v0 = Math.max(0, +m[1]); v1 = Math.min(end, +m[2]); if (v1 <= v0) { v0 = 0; v1 = end; } }
            }
            window.addEventListener('hashchange', () => { fromHash(); draw(); });
            fromHash();
            size(); draw();
            body.dataset.firstPaintMs = performance.now().toFixed(1);
            window.addEventListener('resize', () => { size(); draw(); });
            </script></body></html>
            """;
}
