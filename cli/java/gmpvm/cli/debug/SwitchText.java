package gmpvm.cli.debug;

import gmpvm.loader.debug.DebugInfo;
import gmpvm.loader.debug.GoRuntime;
import gmpvm.loader.debug.SwitchTracker;

/** How a context switch reads in one line (for {@code run --break-on-switch} and {@code info switches}). */
public final class SwitchText {
    private SwitchText() {
    }

    /** {@code switch 3 at insn 120034 on M1 (thread 1001): G5 -> g0 of M1 by runtime.mcall (asm_amd64.s:303)} */
    public static String line(SwitchTracker.Switch s, GoRuntime go) {
        DebugInfo info = go.info();
        GoRuntime.M m = go.mOfThread(s.tid());
        String where = info.shortLine(s.pc());
        return String.format("switch %d at insn %d on %s (thread %d): %s -> %s by %s%s", s.number(), s.retired(),
                m == null ? "M?" : "M" + m.id(), s.tid(), go.gName(s.from()), go.gName(s.to()), s.routine(),
                where == null ? "" : " (" + where + ")");
    }
}
