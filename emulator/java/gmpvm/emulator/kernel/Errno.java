package gmpvm.emulator.kernel;

/** The Linux errno values the kernel layer returns (negated, as the syscall ABI wants), and their names. */
public final class Errno {
    static final int EPERM = 1, ENOENT = 2, ESRCH = 3, EINTR = 4, EIO = 5, EBADF = 9, EAGAIN = 11,
            ENOMEM = 12, EACCES = 13, EFAULT = 14, EEXIST = 17, ENODEV = 19, EMFILE = 24, EINVAL = 22, ENOTTY = 25,
            ESPIPE = 29, EPIPE = 32, ERANGE = 34, ENOSYS = 38, ETIMEDOUT = 110;

    private static final String[] NAMES = new String[111];

    static {
        String[] pairs = {"1 EPERM", "2 ENOENT", "3 ESRCH", "4 EINTR", "5 EIO", "9 EBADF", "11 EAGAIN",
            "12 ENOMEM", "13 EACCES", "14 EFAULT", "17 EEXIST", "19 ENODEV", "24 EMFILE", "22 EINVAL", "25 ENOTTY",
            "29 ESPIPE", "32 EPIPE", "34 ERANGE", "38 ENOSYS", "110 ETIMEDOUT"};
        for (String p : pairs) {
            String[] kv = p.split(" ");
            NAMES[Integer.parseInt(kv[0])] = kv[1];
        }
    }

    private Errno() {
    }

    /** The symbolic name of errno e (positive), e.g. "EAGAIN", or "E" + e when unnamed here. */
    public static String name(long e) {
        return e > 0 && e < NAMES.length && NAMES[(int) e] != null ? NAMES[(int) e] : "E" + e;
    }
}
