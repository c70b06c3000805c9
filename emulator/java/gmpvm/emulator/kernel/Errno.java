package gmpvm.emulator.kernel;

/** The Linux errno values the kernel layer returns (negated, as the syscall ABI wants). */
final class Errno {
    static final int EPERM = 1, ENOENT = 2, ESRCH = 3, EINTR = 4, EIO = 5, EBADF = 9, EAGAIN = 11,
            ENOMEM = 12, EACCES = 13, EFAULT = 14, EEXIST = 17, ENODEV = 19, EINVAL = 22, ENOTTY = 25,
            ESPIPE = 29, ERANGE = 34, ENOSYS = 38;

    private Errno() {
    }
}
