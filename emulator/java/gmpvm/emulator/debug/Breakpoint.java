package gmpvm.emulator.debug;

import gmpvm.emulator.cpu.CpuState;
import java.util.function.Predicate;

/**
 * Stops any thread before it executes the instruction at {@link #address}, when the optional
 * condition on its registers holds and the ignore count is spent.
 */
public final class Breakpoint extends Stoppoint {
    private final long address;
    private Predicate<CpuState> condition;
    private String conditionText;
    private long ignoreCount;

    Breakpoint(int id, long address) {
        super(id);
        this.address = address;
    }

    public long address() {
        return address;
    }

    /** Only stop when the condition holds for the thread's registers; text is how it is shown (e.g. {@code $rax == 5}). */
    public void setCondition(String text, Predicate<CpuState> condition) {
        this.conditionText = text;
        this.condition = condition;
    }

    /** The condition, or null (reverse execution replays it). */
    Predicate<CpuState> condition() {
        return condition;
    }

    /** The condition as the user wrote it, or null. */
    public String conditionText() {
        return conditionText;
    }

    /** Pass the breakpoint this many more times (with its condition true) before stopping. */
    public void setIgnoreCount(long n) {
        this.ignoreCount = n;
    }

    public long ignoreCount() {
        return ignoreCount;
    }

    /** Reached with the condition checked: true to stop. */
    boolean reached(CpuState s) {
        if (condition != null && !condition.test(s)) {
            return false;
        }
        hit();
        if (ignoreCount > 0) {
            ignoreCount--;
            return false;
        }
        return true;
    }
}
