/* Descriptors that live inside the process: pipes (blocking and O_NONBLOCK, EOF, EPIPE), eventfds,
 * dup/dup2/dup3/fcntl, and epoll over them (level, EPOLLET, EPOLLONESHOT, timeouts, a wait woken
 * by another thread), as Go's netpoll uses them. Every line must match a native run. */
#pragma GCC optimize("no-tree-vectorize")
#include "ksys.h"

#define SYS_close 3
#define SYS_fstat 5
#define SYS_pipe 22
#define SYS_dup 32
#define SYS_dup2 33
#define SYS_fcntl 72
#define SYS_epoll_wait 232
#define SYS_epoll_ctl 233
#define SYS_epoll_pwait 281
#define SYS_eventfd2 290
#define SYS_epoll_create1 291
#define SYS_dup3 292
#define SYS_pipe2 293
#define O_NONBLOCK 0x800
#define O_CLOEXEC 0x80000
#define EPOLLIN 1
#define EPOLLOUT 4
#define EPOLLET (1u << 31)
#define EPOLLONESHOT (1u << 30)

struct __attribute__((packed)) ev { unsigned events; u64 data; };

static i64 ctl(int ep, int op, int fd, unsigned events, u64 data) {
    struct ev e = {events, data};
    return sys4(SYS_epoll_ctl, ep, op, fd, &e);
}
static struct ev got[8];
static i64 wait_(int ep, int ms) { return sys4(SYS_epoll_wait, ep, got, 8, ms); }
static i64 now_ns(void) {
    struct ktimespec ts;
    sys3(SYS_clock_gettime, 1, &ts, 0);
    return ts.sec * 1000000000 + ts.nsec;
}
static void sleep_ms(i64 ms) {
    struct ktimespec ts = {0, ms * 1000000};
    sys3(SYS_nanosleep, &ts, 0, 0);
}
static void report(const char *what, i64 n) {
    kv(what, n);
    for (int i = 0; i < n && i < 8; i++) {
        puts_("  events="); putx(got[i].events); puts_(" data="); putu(got[i].data); puts_("\n");
    }
}

static int late_fd;
static void late_writer(void *arg) {
    (void)arg;
    sleep_ms(10);
    sys3(SYS_write, late_fd, "L", 1);
}
static int eof_fd;
static void eof_writer(void *arg) {
    (void)arg;
    sys3(SYS_write, eof_fd, "12345", 5);
    sys3(SYS_close, eof_fd, 0, 0);
}
static int bulk_fd;
static char bulk[100000];
static void bulk_writer(void *arg) {
    (void)arg;
    kv("bulk_written", sys3(SYS_write, bulk_fd, bulk, sizeof bulk));
}
static char buf[70000];

static int main_tid, sig_fd, handled;
static void on_usr1(int sig, struct ksiginfo *si, void *uc) {
    (void)sig; (void)si; (void)uc;
    handled++;
}
static void interrupter(void *arg) {
    (void)arg;
    sleep_ms(10);
    sys3(SYS_tgkill, sys3(SYS_getpid, 0, 0, 0), main_tid, 10);
    sleep_ms(10);
    if (sig_fd) sys3(SYS_write, sig_fd, "s", 1);
}

int kmain(u64 *sp) {
    (void)sp;
    int p[2];
    /* a nonblocking pipe */
    kv("pipe2", sys3(SYS_pipe2, p, O_NONBLOCK | O_CLOEXEC, 0));
    kv("fds", p[0] * 10 + p[1]);
    kv("read_empty", sys3(SYS_read, p[0], buf, 10));
    kv("getfd", sys3(SYS_fcntl, p[0], 1, 0));
    kv("getfl_r", sys3(SYS_fcntl, p[0], 3, 0));
    kv("getfl_w", sys3(SYS_fcntl, p[1], 3, 0));
    kv("pipe_sz", sys3(SYS_fcntl, p[1], 1032, 0));
    kv("write", sys3(SYS_write, p[1], "abc", 3));
    kv("read", sys3(SYS_read, p[0], buf, 10));
    kv("abc", buf[0] == 'a' && buf[2] == 'c');
    u64 st[18];
    kv("fstat", sys3(SYS_fstat, p[0], st, 0));
    kv("fifo", ((unsigned)st[3] & 0170000) == 0010000);

    /* epoll, level-triggered */
    int ep = sys3(SYS_epoll_create1, O_CLOEXEC, 0, 0);
    kv("epfd", ep);
    kv("add", ctl(ep, 1, p[0], EPOLLIN, 42));
    kv("add_again", ctl(ep, 1, p[0], EPOLLIN, 42));
    report("wait_empty", wait_(ep, 0));
    sys3(SYS_write, p[1], "x", 1);
    report("wait_level", wait_(ep, 0));
    report("wait_level_again", wait_(ep, 0));
    sys3(SYS_read, p[0], buf, 10);
    report("wait_drained", wait_(ep, 0));
    /* edge-triggered */
    sys3(SYS_write, p[1], "y", 1);
    kv("mod_et", ctl(ep, 3, p[0], EPOLLIN | EPOLLET, 43));
    report("wait_et", wait_(ep, 0));
    report("wait_et_again", wait_(ep, 0));
    sys3(SYS_write, p[1], "z", 1);
    report("wait_et_new", wait_(ep, 0));
    sys3(SYS_read, p[0], buf, 10);
    /* one-shot */
    sys3(SYS_write, p[1], "o", 1);
    kv("mod_oneshot", ctl(ep, 3, p[0], EPOLLIN | EPOLLONESHOT, 44));
    report("wait_oneshot", wait_(ep, 0));
    report("wait_oneshot_again", wait_(ep, 0));
    kv("rearm", ctl(ep, 3, p[0], EPOLLIN, 45));
    report("wait_rearmed", wait_(ep, 0));
    sys3(SYS_read, p[0], buf, 10);
    kv("del", ctl(ep, 2, p[0], 0, 0));
    kv("del_again", ctl(ep, 2, p[0], 0, 0));
    kv("mod_missing", ctl(ep, 3, p[0], EPOLLIN, 0));
    kv("ctl_badfd", ctl(ep, 1, 99, EPOLLIN, 0));
    kv("ctl_self", ctl(ep, 1, ep, EPOLLIN, 0));
    kv("ctl_notepoll", ctl(p[0], 1, p[1], EPOLLIN, 0));
    kv("wait_zero_max", sys4(SYS_epoll_wait, ep, got, 0, 0));
    kv("wait_notepoll", sys4(SYS_epoll_wait, p[0], got, 8, 0));
    /* the write end: EPOLLOUT while there is room */
    kv("add_w", ctl(ep, 1, p[1], EPOLLOUT, 7));
    report("wait_out", wait_(ep, 0));
    kv("fill", sys3(SYS_write, p[1], buf, sizeof buf));
    kv("full", sys3(SYS_write, p[1], buf, 1));
    report("wait_full", wait_(ep, 0));
    kv("drain", sys3(SYS_read, p[0], buf, sizeof buf));
    report("wait_room", wait_(ep, 0));
    kv("del_w", ctl(ep, 2, p[1], 0, 0));

    /* a timeout on the clock */
    i64 t0 = now_ns();
    report("wait_timeout", wait_(ep, 20));
    kv("waited_20ms", now_ns() - t0 >= 20000000);

    /* a wait woken by another thread's write */
    int q[2];
    sys3(SYS_pipe2, q, O_NONBLOCK, 0);
    late_fd = q[1];
    ctl(ep, 1, q[0], EPOLLIN, 77);
    struct thread th;
    thread_start(&th, late_writer, 0, 65536);
    report("wait_woken", sys4(SYS_epoll_wait, ep, got, 8, -1));
    thread_join(&th);
    kv("del_q", ctl(ep, 2, q[0], 0, 0));

    /* a blocking read woken by a writer, then EOF and EPOLLHUP */
    int r[2];
    kv("pipe", sys3(SYS_pipe, r, 0, 0));
    eof_fd = r[1];
    thread_start(&th, eof_writer, 0, 65536);
    thread_join(&th);
    ctl(ep, 1, r[0], EPOLLIN, 88);
    report("wait_hup", wait_(ep, 0));
    kv("read_5", sys3(SYS_read, r[0], buf, 100));
    kv("read_eof", sys3(SYS_read, r[0], buf, 100));
    report("wait_hup_empty", wait_(ep, 0));
    sys3(SYS_close, r[0], 0, 0);

    /* a blocking writer larger than the pipe, read in chunks */
    int b[2];
    sys3(SYS_pipe2, b, 0, 0);
    bulk_fd = b[1];
    for (int i = 0; i < (int)sizeof bulk; i++) bulk[i] = (char)(i * 7);
    thread_start(&th, bulk_writer, 0, 65536);
    u64 total = 0, sum = 0;
    while (total < sizeof bulk) {
        i64 n = sys3(SYS_read, b[0], buf, 3000);
        if (n <= 0) break;
        for (int i = 0; i < n; i++) sum = sum * 31 + (unsigned char)buf[i];
        total += n;
    }
    thread_join(&th);
    kv("bulk_read", total);
    kv("bulk_sum", sum % 1000003);

    /* dup, dup2, dup3, F_DUPFD */
    int d = sys3(SYS_dup, b[1], 0, 0);
    kv("dup", d);
    kv("dup2", sys3(SYS_dup2, b[1], 30, 0));
    kv("dup3_same", sys3(SYS_dup3, 30, 30, 0));
    kv("dupfd20", sys3(SYS_fcntl, b[1], 0, 20));
    kv("getfd_dup3", sys3(SYS_fcntl, sys3(SYS_dup3, b[1], 31, O_CLOEXEC), 1, 0));
    sys3(SYS_close, b[1], 0, 0);
    kv("write_via_dup", sys3(SYS_write, d, "d", 1));
    kv("read_via_dup", sys3(SYS_read, b[0], buf, 10));

    /* EPIPE once every reader is gone (SIGPIPE ignored) */
    struct ksigaction ign = {(void *)1, 0, 0, 0};
    sys4(SYS_rt_sigaction, 13, &ign, 0, 8);
    sys3(SYS_close, b[0], 0, 0);
    kv("epipe", sys3(SYS_write, d, "e", 1));

    /* eventfd */
    int e = sys3(SYS_eventfd2, 3, O_NONBLOCK, 0);
    u64 v = 0;
    kv("efd_read", sys3(SYS_read, e, &v, 8));
    kv("efd_value", v);
    kv("efd_empty", sys3(SYS_read, e, &v, 8));
    v = 5;
    kv("efd_write", sys3(SYS_write, e, &v, 8));
    kv("efd_short", sys3(SYS_write, e, &v, 4));
    ctl(ep, 1, e, EPOLLIN | EPOLLOUT, 99);
    report("wait_efd", wait_(ep, 0));
    int s = sys3(SYS_eventfd2, 2, O_NONBLOCK | 1, 0);
    kv("sem1", sys3(SYS_read, s, &v, 8) * 10 + v);
    kv("sem2", sys3(SYS_read, s, &v, 8) * 10 + v);
    kv("sem3", sys3(SYS_read, s, &v, 8));

    /* a signal ends epoll_wait with EINTR; a blocking pipe read with SA_RESTART starts again */
    kv("del_efd", ctl(ep, 2, e, 0, 0));
    main_tid = sys3(SYS_gettid, 0, 0, 0);
    sigaction_(10, on_usr1, 0);
    int empty[2];
    sys3(SYS_pipe2, empty, 0, 0);
    ctl(ep, 1, empty[0], EPOLLIN, 5);
    thread_start(&th, interrupter, 0, 65536);
    kv("wait_eintr", sys4(SYS_epoll_wait, ep, got, 8, -1));
    thread_join(&th);
    sigaction_(10, on_usr1, SA_RESTART);
    sig_fd = empty[1];
    thread_start(&th, interrupter, 0, 65536);
    kv("read_restarted", sys3(SYS_read, empty[0], buf, 10));
    thread_join(&th);
    kv("handled", handled);
    kv("close_ep", sys3(SYS_close, ep, 0, 0));
    kv("close_again", sys3(SYS_close, ep, 0, 0));
    return 0;
}
