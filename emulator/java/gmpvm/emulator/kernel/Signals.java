package gmpvm.emulator.kernel;

/** Linux x86-64 signal numbers and the names of signals and their si_code values, for reports. */
public final class Signals {
    public static final int SIGHUP = 1, SIGINT = 2, SIGQUIT = 3, SIGILL = 4, SIGTRAP = 5, SIGABRT = 6,
            SIGBUS = 7, SIGFPE = 8, SIGKILL = 9, SIGUSR1 = 10, SIGSEGV = 11, SIGUSR2 = 12, SIGPIPE = 13,
            SIGALRM = 14, SIGTERM = 15, SIGCHLD = 17, SIGURG = 23;

    private static final String[] NAMES = {null, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT",
        "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM",
        "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU",
        "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS"};

    private Signals() {
    }

    /** The number of a signal named {@code SIGURG} or {@code URG}, or -1. */
    public static int number(String name) {
        String n = name.startsWith("SIG") ? name : "SIG" + name;
        for (int k = 1; k < NAMES.length; k++) {
            if (n.equals(NAMES[k])) {
                return k;
            }
        }
        return -1;
    }

    public static String name(int sig) {
        return sig > 0 && sig < NAMES.length ? NAMES[sig] : "SIG" + sig;
    }

    /** The symbolic name of a synchronous signal's si_code, e.g. SEGV_MAPERR. */
    public static String codeName(int sig, int code) {
        if (code == 0x80) {
            return "SI_KERNEL";
        }
        switch (sig) {
            case SIGSEGV:
                return code == 1 ? "SEGV_MAPERR" : code == 2 ? "SEGV_ACCERR" : "code " + code;
            case SIGILL:
                String[] ill = {null, "ILL_ILLOPC", "ILL_ILLOPN", "ILL_ILLADR", "ILL_ILLTRP", "ILL_PRVOPC",
                    "ILL_PRVREG", "ILL_COPROC", "ILL_BADSTK"};
                return code > 0 && code < ill.length ? ill[code] : "code " + code;
            case SIGFPE:
                String[] fpe = {null, "FPE_INTDIV", "FPE_INTOVF", "FPE_FLTDIV", "FPE_FLTOVF", "FPE_FLTUND",
                    "FPE_FLTRES", "FPE_FLTINV", "FPE_FLTSUB"};
                return code > 0 && code < fpe.length ? fpe[code] : "code " + code;
            case SIGTRAP:
                return code == 1 ? "TRAP_BRKPT" : code == 2 ? "TRAP_TRACE" : "code " + code;
            default:
                return "code " + code;
        }
    }
}
