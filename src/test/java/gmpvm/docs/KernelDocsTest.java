package gmpvm.docs;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.emulator.kernel.SyscallTable;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/kernel.md's system-call table is generated from the kernel's SyscallTable rows. */
class KernelDocsTest {
    @Test
    void syscallTableMatchesTheKernel() throws Exception {
        assertNull(GeneratedDocs.check(Path.of("docs", "kernel.md"), "syscalls", SyscallTable.markdown()));
    }

    @Test
    void runningMdPointsThereInsteadOfRestatingIt() throws Exception {
        String running = Files.readString(Path.of("docs", "running.md"));
        assertTrue(running.contains("(kernel.md#system-calls)"), "docs/running.md links the generated table");
        assertTrue(!running.contains("| read 0 |"), "docs/running.md keeps no second syscall table");
    }
}
