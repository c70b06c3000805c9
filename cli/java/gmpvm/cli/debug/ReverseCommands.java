package gmpvm.cli.debug;

import gmpvm.emulator.GuestThread;
import gmpvm.emulator.debug.Timeline;
import gmpvm.loader.elf.Symbol;
import java.util.List;

/**
 * Reverse execution, as gdb names it: {@code reverse-stepi}, {@code reverse-step},
 * {@code reverse-continue}, {@code reverse-finish}. Each replays the run from its start to an
 * earlier global instruction count ({@link Timeline}); the program's output is not repeated.
 * They work after the program has ended too: the run can be gone back into.
 */
final class ReverseCommands {
    private ReverseCommands() {
    }

    static void register(CommandTable t) {
        t.add("reverse-stepi", List.of("rsi"), "reverse-stepi [N]",
                "Step the selected thread back N instructions (1 by default), to just before it executed them.",
                (s, a) -> {
                    long n = RunCommands.count(a);
                    Timeline.ReverseStop r = null;
                    for (long k = 0; k < n; k++) {
                        r = timeline(s).reverseStepInstruction(s.thread());
                        if (r.atStart()) {
                            break;
                        }
                        s.replayed(r.stop());
                    }
                    show(s, r);
                });
        t.add("reverse-step", List.of("rs"), "reverse-step",
                "Run the selected thread back to the start of the previous source line it executed.",
                (s, a) -> show(s, timeline(s).reverseStepLine(s.thread(), pc -> s.info().shortLine(pc))));
        t.add("reverse-continue", List.of("rc"), "reverse-continue",
                "Run back to the previous breakpoint or watchpoint hit, or to the start of the run.",
                (s, a) -> show(s, timeline(s).reverseContinue()));
        t.add("reverse-finish", List.of(), "reverse-finish",
                "Run the selected thread back to the call of the function it is in.",
                (s, a) -> {
                    GuestThread th = s.thread();
                    Symbol f = s.info().symbolAt(th.cpu().rip);
                    if (f == null) {
                        throw new IllegalArgumentException(String.format("No function contains 0x%x.", th.cpu().rip));
                    }
                    show(s, timeline(s).reverseFinish(th, f.value()));
                });
    }

    private static Timeline timeline(Session s) {
        if (s.timeline() == null) {
            throw new IllegalArgumentException("Reverse execution is not available in this session.");
        }
        if (!s.started()) {
            throw new IllegalArgumentException("The program has not run yet: there is nothing to go back to.");
        }
        return s.timeline();
    }

    /** Reports where a reverse command stopped, as a forward one would. */
    private static void show(Session s, Timeline.ReverseStop r) {
        if (r.atStart()) {
            s.out().println();
            s.out().println("No more reverse-execution history.");
        }
        s.replayed(r.stop());
        s.report(r.stop());
    }
}
