package gmpvm.emulator;

import gmpvm.emulator.cpu.CpuState;
import gmpvm.emulator.kernel.StraceFormat;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --strace}: logs every system call in strace's format to the {@code gmpvm.strace}
 * logger, tagged with the thread id and the virtual time:
 * <pre>[1000 0.000123456] write(1, "hello\n", 6) = 6</pre>
 * The time is the virtual clock in seconds with nanosecond digits, so that steps as short as a
 * context switch show. A call that sleeps prints {@code <unfinished ...>} and later
 * {@code <... futex resumed> = 0}. The guest's buffered output is flushed before every line, so
 * the bytes a {@code write} produced appear just before the line that logs it.
 */
public final class StraceListener implements MachineListener {
    private static final Logger LOG = LoggerFactory.getLogger("gmpvm.strace");

    private final Machine machine;
    private final Map<Integer, long[]> args = new HashMap<>();

    public StraceListener(Machine machine) {
        this.machine = machine;
    }

    private String tag(GuestThread t) {
        machine.kernel().stdio().flush();
        long ns = machine.clock();
        return String.format("[%d %d.%09d] ", t.tid(), ns / 1_000_000_000L, ns % 1_000_000_000L);
    }

    @Override
    public void syscallEntered(GuestThread t, int nr) {
        long[] r = t.cpu().r;
        args.put(t.tid(), new long[] {r[CpuState.RDI], r[CpuState.RSI], r[CpuState.RDX], r[CpuState.R10],
            r[CpuState.R8], r[CpuState.R9]});
        if (nr == 60 || nr == 231) {
            LOG.info("{}{} = ?", tag(t), StraceFormat.call(machine.memory(), nr, args.get(t.tid())));
        }
    }

    @Override
    public void syscallReturned(GuestThread t, int nr, long result) {
        LOG.info("{}{}{}", tag(t), StraceFormat.call(machine.memory(), nr, args.get(t.tid())), StraceFormat.result(nr, result));
    }

    @Override
    public void syscallBlocked(GuestThread t, int nr) {
        LOG.info("{}{} <unfinished ...>", tag(t), StraceFormat.call(machine.memory(), nr, args.get(t.tid())));
    }

    @Override
    public void syscallResumed(GuestThread t, int nr, long result) {
        LOG.info("{}<... {} resumed>{}", tag(t), gmpvm.emulator.kernel.Syscalls.name(nr), StraceFormat.result(nr, result));
    }

    @Override
    public void signalKilled(GuestThread t, int signal) {
        LOG.info("{}+++ killed by {} +++", tag(t), gmpvm.emulator.kernel.Signals.name(signal));
    }

    @Override
    public void processExited(Outcome o) {
        if (o.kind() == Outcome.Kind.EXITED) {
            machine.kernel().stdio().flush();
            LOG.info("+++ exited with {} +++", o.status());
        }
    }
}
