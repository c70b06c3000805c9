package gmpvm.loader.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code gmpvm trace svg FILE.json -o FILE.svg}: the timeline as a static SVG picture for
 * documents: a lane per P then per M, a rectangle per goroutine run coloured per goroutine (the
 * colours of the HTML timeline) with its name when it fits, M lanes also showing parked and
 * spinning periods in grey and the world stopped in dark red, steals as triangles on the thief's lane, a time axis in virtual
 * microseconds and a legend. A window (from, to in ns) shows part of a long run. Deterministic:
 * the same trace gives the same bytes.
 */
public final class TraceSvg {
    private static final int LABEL_W = 150;
    private static final int LANE_H = 22;
    private static final int TOP = 28;
    /** Goroutines named in the legend (the rest are counted). */
    private static final int LEGEND_MAX = 11;

    private TraceSvg() {
    }

    /** The picture of [from, to) ns (to ≤ 0: the whole run), width pixels wide. */
    public static String render(List<TraceEvent> events, long from, long to, int width, String title) {
        Map<Long, String> pNames = new TreeMap<>();
        Map<Long, String> mNames = new TreeMap<>();
        long end = 0;
        for (TraceEvent e : events) {
            if (e.ph.equals("M") && e.name.equals("thread_name") && e.pid == TraceEvent.PID_PS) {
                pNames.put(e.tid, e.str("name"));
            } else if (e.ph.equals("M") && e.name.equals("thread_name") && e.pid == TraceEvent.PID_MS) {
                mNames.put(e.tid, e.str("name"));
            } else if (e.ph.equals("X")) {
                end = Math.max(end, e.ts + e.dur);
                if (e.pid == TraceEvent.PID_PS) {
                    pNames.putIfAbsent(e.tid, "P" + e.tid);
                } else if (e.pid == TraceEvent.PID_MS) {
                    mNames.putIfAbsent(e.tid, "M" + e.tid);
                }
            }
        }
        long t0 = Math.max(0, from);
        long t1 = to > 0 ? to : end;
        if (t1 <= t0) {
            t1 = t0 + 1;
        }
        List<String> lanes = new ArrayList<>();
        Map<String, Integer> laneOf = new TreeMap<>();
        for (Map.Entry<Long, String> e : pNames.entrySet()) {
            laneOf.put(TraceEvent.PID_PS + ":" + e.getKey(), lanes.size());
            lanes.add(e.getValue());
        }
        for (Map.Entry<Long, String> e : mNames.entrySet()) {
            laneOf.put(TraceEvent.PID_MS + ":" + e.getKey(), lanes.size());
            lanes.add(e.getValue());
        }
        int plotW = width - LABEL_W - 10;
        double k = (double) plotW / (t1 - t0);
        Map<Long, String> legend = new TreeMap<>();
        StringBuilder body = new StringBuilder();
        double[] covered = new double[lanes.size()]; // how far right each lane is drawn already
        for (TraceEvent e : TraceFile.sorted(events)) {
            Integer lane = laneOf.get(e.pid + ":" + e.tid);
            if (lane == null) {
                continue;
            }
            int y = TOP + 20 + lane * LANE_H;
            if (e.ph.equals("X") && e.ts < t1 && e.ts + e.dur > t0) {
                double x = LABEL_W + (Math.max(e.ts, t0) - t0) * k;
                double x2 = LABEL_W + (Math.min(e.ts + e.dur, t1) - t0) * k;
                long goid = e.num("goid", -1);
                String fill = colour(goid, e.name);
                if (goid >= 0) {
                    legend.putIfAbsent(goid, e.name);
                }
                if (x2 - x < 0.5 && x2 <= covered[lane] + 0.5) {
                    continue; // a run too short to see, where the lane is drawn already: the picture stays small
                }
                covered[lane] = Math.max(covered[lane], x2);
                if (x2 - x < 2) {
                    body.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"%d\" fill=\"%s\"/>%n",
                            x, y + 3, Math.max(0.5, x2 - x), LANE_H - 6, fill));
                    continue;
                }
                body.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"%d\" fill=\"%s\"><title>%s</title></rect>%n",
                        x, y + 3, x2 - x, LANE_H - 6, fill, esc(tooltip(e))));
                if (x2 - x > 7 * e.name.length() + 6) {
                    body.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%d\" font-size=\"11\">%s</text>%n", x + 3, y + 15, esc(e.name)));
                }
            } else if (e.ph.equals("i") && e.name.equals("steal") && e.ts >= t0 && e.ts < t1) {
                double x = LABEL_W + (e.ts - t0) * k;
                body.append(String.format(Locale.ROOT, "<path d=\"M%.2f %d l-4 -7 h8 z\" fill=\"#d62728\"><title>%s</title></path>%n", x, y + 7,
                        esc("steal: " + e.str("thief") + " took " + e.num("count", 0) + " from " + e.str("victim"))));
            }
        }
        int shownKeys = Math.min(legend.size(), LEGEND_MAX);
        int h = TOP + 20 + lanes.size() * LANE_H + 30 + ((shownKeys + (legend.size() > LEGEND_MAX ? 1 : 0) + 3) / 4) * 18;
        StringBuilder b = new StringBuilder();
        b.append(String.format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">%n",
                width, h, width, h));
        b.append(String.format("<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/>%n", width, h));
        b.append(String.format("<text x=\"8\" y=\"18\" font-size=\"14\" font-weight=\"bold\">%s</text>%n", esc(title)));
        for (int l = 0; l < lanes.size(); l++) {
            int y = TOP + 20 + l * LANE_H;
            if (l % 2 == 1) {
                b.append(String.format("<rect x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f6f6f6\"/>%n", y, width, LANE_H));
            }
            b.append(String.format("<text x=\"8\" y=\"%d\" font-size=\"12\">%s</text>%n", y + 15, esc(lanes.get(l))));
        }
        for (int i = 0; i <= 4; i++) {
            double x = LABEL_W + plotW * i / 4.0;
            long t = t0 + (t1 - t0) * i / 4;
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ccc\"/>%n", x, TOP + 14, x,
                    TOP + 20 + lanes.size() * LANE_H));
            StringBuilder us = new StringBuilder();
            TraceFile.micros(us, t);
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" fill=\"#555\" text-anchor=\"%s\">%s µs</text>%n", x,
                    TOP + 10, i == 0 ? "start" : i == 4 ? "end" : "middle", us));
        }
        b.append(body);
        int ly = TOP + 20 + lanes.size() * LANE_H + 20;
        int col = 0;
        for (Map.Entry<Long, String> e : legend.entrySet()) {
            if (col == LEGEND_MAX) {
                int x = 8 + (col % 4) * ((width - 16) / 4);
                b.append(String.format("<text x=\"%d\" y=\"%d\" font-size=\"11\">… and %d more goroutines</text>%n", x,
                        ly + (col / 4) * 18, legend.size() - LEGEND_MAX));
                break;
            }
            int x = 8 + (col % 4) * ((width - 16) / 4);
            int y = ly + (col / 4) * 18;
            b.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>%n",
                    x, y - 10, colour(e.getKey(), e.getValue()), x + 16, y, esc(e.getValue())));
            col++;
        }
        b.append("</svg>\n");
        return b.toString();
    }

    private static String tooltip(TraceEvent e) {
        StringBuilder b = new StringBuilder(e.name);
        StringBuilder s = new StringBuilder();
        TraceFile.micros(s, e.ts);
        s.append("–");
        TraceFile.micros(s, e.ts + e.dur);
        b.append(": ").append(s).append(" µs");
        if (!e.str("why").isEmpty()) {
            b.append(", stopped: ").append(e.str("why"));
        }
        return b.toString();
    }

    /**
     * The colour of a goroutine (the golden-angle hue the HTML timeline uses too); grey for M
     * states and idle Ps, dark red for the world stopped.
     */
    static String colour(long goid, String name) {
        if (goid < 0) {
            return name.startsWith("parked") ? "#c8c8c8" : name.startsWith("world") ? "#8e3b46" : "#9aa7b4";
        }
        return String.format(Locale.ROOT, "hsl(%.1f,62%%,58%%)", (goid * 137.508) % 360);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
