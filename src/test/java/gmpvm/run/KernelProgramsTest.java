package gmpvm.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kernel layer against Linux: C programs with threads (their own clone wrapper), a futex
 * mutex and LOCK-prefixed atomics, signal handlers that read siginfo and edit uc_mcontext,
 * tgkill of a spinning thread handled on its alternate stack, XMM registers restored by
 * rt_sigreturn, a futex wait interrupted by a signal (EINTR), and sleeps and timeouts that agree
 * with the clock; unknown system calls return ENOSYS; default actions ignore SIGURG/SIGCHLD and
 * kill on SIGUSR1. Each program's emulated
 * output and exit status equal its native run, under 20 seeds and 1, 2 and 4 simulated CPUs.
 */
class KernelProgramsTest {
    static final List<String> ENV = List.of("LANG=C");
    static final long MAX_INSNS = 500_000_000L;
    static final int SEEDS = 20;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"efault_edges", "error_paths", "threads_counter", "signals_sync", "signals_inject", "tgkill_spin", "xmm_restore", "time_agree",
        "unknown_syscall", "futex_eintr", "default_actions", "pipes_epoll", "fpu_signal"})
    void matchesNativeUnderEverySeed(String name) throws Exception {
        Path bin = TestPrograms.buildKernel(name);
        TestPrograms.Result nat = TestPrograms.runNative(bin, List.of(), ENV, new byte[0]);
        for (int cpus : new int[] {1, 2, 4}) {
            for (long seed = 0; seed < SEEDS; seed++) {
                TestPrograms.Result emu = TestPrograms.runEmulated(bin, List.of(), ENV, new byte[0], MAX_INSNS, seed, cpus);
                String where = name + " seed " + seed + " cpus " + cpus;
                assertEquals(nat.out(), emu.out(), where + " stdout; stderr: " + emu.err());
                assertEquals(nat.status(), emu.status(), where + " status; stderr: " + emu.err());
            }
        }
    }

    @Test
    void forkStyleCloneIsRefused() throws Exception {
        Path bin = TestPrograms.buildKernel("fork_refused");
        TestPrograms.Result emu = TestPrograms.runEmulated(bin, List.of(), ENV, new byte[0], MAX_INSNS, 0, 1);
        assertEquals("fork_clone=-38\nvm_without_thread=-38\n", emu.out());
        assertEquals(0, emu.status());
    }

    @Test
    void deadlockOfEveryThreadIsReportedNotHung() throws Exception {
        Path bin = TestPrograms.buildKernel("deadlock");
        for (long seed = 0; seed < 5; seed++) {
            TestPrograms.Result emu = TestPrograms.runEmulated(bin, List.of(), ENV, new byte[0], MAX_INSNS, seed, 2);
            assertEquals(gmpvm.emulator.Outcome.DEADLOCK_STATUS, emu.status());
            assertTrue(emu.out().isEmpty(), emu.out());
        }
    }
}
