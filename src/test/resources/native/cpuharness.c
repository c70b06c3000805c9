/*
 * cpuharness: runs x86-64 instructions natively, one at a time, and records the register state
 * after each of them, for gmpvm's differential CPU test (NativeDiffTest).
 *
 * Usage: cpuharness IN OUT
 *
 * IN (little-endian):
 *   u32 magic 0x43505548 ("HUPC"), u32 flags (bit 0: XMM registers and MXCSR in and out),
 *   u32 ncases, u32 image length, image bytes.
 *   The image is mapped read-write-execute at CODE. Its first 8 bytes receive the address of the
 *   state-saving stub, the next 8 that of the stub for taken branches; each instruction slot is
 *   the instruction, "jmp qword ptr [CODE]" (fall-through exit) and "jmp qword ptr [CODE + 8]"
 *   (the branch-target exit).
 *   Then per case: u64 r[16] (RAX..R15), u64 rflags, u64 buffer seed,
 *   [u64 xmm[16][2], u64 mxcsr when XMM is on], u32 count, u32 slot offsets[count].
 * OUT: u64 stub addresses[2] (as written into the image, so the other side can mirror the
 * image exactly), then per case:
 *   per executed instruction: u64 r[16], u64 rflags, u32 signal, u32 si_code, u64 si_addr,
 *   u64 rip at the signal, or without a signal 0 (left through a fall-through exit) or 1 (through
 *   a branch-target exit), [u64 xmm[16][2], u64 mxcsr]; an instruction that raised a signal ends the case (its record holds the
 *   registers at the fault);
 *   then u32 n and n words (offset << 8 | byte) listing the data-buffer bytes that differ from
 *   their initial contents.
 *
 * The data buffer is DATA_SIZE bytes at DATA, filled per case from the seed by fill_buffer(),
 * which the Java side mirrors bit for bit. The page after it (RO) is read-only and holds the
 * bytes (i * 7 + 3) & 0xff, so writes there fault with SEGV_ACCERR. The GS base is DATA (user
 * space on Linux leaves GS unused), so gs:[x] addresses the buffer.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <asm/prctl.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#define CODE 0x20000000UL
#define DATA 0x10000000UL
#define DATA_SIZE 4096
#define RO (DATA + DATA_SIZE)

uint64_t g_in[17], g_out[17];
uint64_t g_target, g_hostsp;
uint8_t g_taken;
uint8_t g_xin[256] __attribute__((aligned(16)));
uint8_t g_xout[256] __attribute__((aligned(16)));
uint64_t g_mxin = 0x1f80, g_mxout;
uint32_t g_hostmx = 0x1f80;

static sigjmp_buf g_env;
static volatile uint32_t g_sig, g_code;
static volatile uint64_t g_addr, g_rip;

void run_insn(void);
void harness_stub(void);
void harness_stub_taken(void);

/* run_insn: saves the host's callee-saved registers, loads the guest state from g_in/g_xin
 * and jumps to g_target; harness_stub stores the state into g_out/g_xout and returns from
 * run_insn. Only MOV and MOVDQU (which leave RFLAGS alone) touch guest registers after POPFQ. */
__asm__(
    ".text\n"
    ".globl run_insn\n"
    "run_insn:\n"
    "  push %rbx\n  push %rbp\n  push %r12\n  push %r13\n  push %r14\n  push %r15\n"
    "  mov %rsp, g_hostsp(%rip)\n"
    "  movdqu g_xin+0(%rip), %xmm0\n  movdqu g_xin+16(%rip), %xmm1\n"
    "  movdqu g_xin+32(%rip), %xmm2\n  movdqu g_xin+48(%rip), %xmm3\n"
    "  movdqu g_xin+64(%rip), %xmm4\n  movdqu g_xin+80(%rip), %xmm5\n"
    "  movdqu g_xin+96(%rip), %xmm6\n  movdqu g_xin+112(%rip), %xmm7\n"
    "  movdqu g_xin+128(%rip), %xmm8\n  movdqu g_xin+144(%rip), %xmm9\n"
    "  movdqu g_xin+160(%rip), %xmm10\n  movdqu g_xin+176(%rip), %xmm11\n"
    "  movdqu g_xin+192(%rip), %xmm12\n  movdqu g_xin+208(%rip), %xmm13\n"
    "  movdqu g_xin+224(%rip), %xmm14\n  movdqu g_xin+240(%rip), %xmm15\n"
    "  ldmxcsr g_mxin(%rip)\n"
    "  pushq g_in+128(%rip)\n  popfq\n"
    "  mov g_in+0(%rip), %rax\n  mov g_in+8(%rip), %rcx\n  mov g_in+16(%rip), %rdx\n"
    "  mov g_in+24(%rip), %rbx\n  mov g_in+40(%rip), %rbp\n  mov g_in+48(%rip), %rsi\n"
    "  mov g_in+56(%rip), %rdi\n  mov g_in+64(%rip), %r8\n  mov g_in+72(%rip), %r9\n"
    "  mov g_in+80(%rip), %r10\n  mov g_in+88(%rip), %r11\n  mov g_in+96(%rip), %r12\n"
    "  mov g_in+104(%rip), %r13\n  mov g_in+112(%rip), %r14\n  mov g_in+120(%rip), %r15\n"
    "  mov g_in+32(%rip), %rsp\n"
    "  jmp *g_target(%rip)\n"
    ".globl harness_stub_taken\n"
    "harness_stub_taken:\n"
    "  movb $1, g_taken(%rip)\n"
    ".globl harness_stub\n"
    "harness_stub:\n"
    "  mov %rsp, g_out+32(%rip)\n"
    "  mov g_hostsp(%rip), %rsp\n"
    "  pushfq\n  popq g_out+128(%rip)\n"
    "  stmxcsr g_mxout(%rip)\n  ldmxcsr g_hostmx(%rip)\n"
    "  mov %rax, g_out+0(%rip)\n  mov %rcx, g_out+8(%rip)\n  mov %rdx, g_out+16(%rip)\n"
    "  mov %rbx, g_out+24(%rip)\n  mov %rbp, g_out+40(%rip)\n  mov %rsi, g_out+48(%rip)\n"
    "  mov %rdi, g_out+56(%rip)\n  mov %r8, g_out+64(%rip)\n  mov %r9, g_out+72(%rip)\n"
    "  mov %r10, g_out+80(%rip)\n  mov %r11, g_out+88(%rip)\n  mov %r12, g_out+96(%rip)\n"
    "  mov %r13, g_out+104(%rip)\n  mov %r14, g_out+112(%rip)\n  mov %r15, g_out+120(%rip)\n"
    "  movdqu %xmm0, g_xout+0(%rip)\n  movdqu %xmm1, g_xout+16(%rip)\n"
    "  movdqu %xmm2, g_xout+32(%rip)\n  movdqu %xmm3, g_xout+48(%rip)\n"
    "  movdqu %xmm4, g_xout+64(%rip)\n  movdqu %xmm5, g_xout+80(%rip)\n"
    "  movdqu %xmm6, g_xout+96(%rip)\n  movdqu %xmm7, g_xout+112(%rip)\n"
    "  movdqu %xmm8, g_xout+128(%rip)\n  movdqu %xmm9, g_xout+144(%rip)\n"
    "  movdqu %xmm10, g_xout+160(%rip)\n  movdqu %xmm11, g_xout+176(%rip)\n"
    "  movdqu %xmm12, g_xout+192(%rip)\n  movdqu %xmm13, g_xout+208(%rip)\n"
    "  movdqu %xmm14, g_xout+224(%rip)\n  movdqu %xmm15, g_xout+240(%rip)\n"
    "  cld\n"
    "  pop %r15\n  pop %r14\n  pop %r13\n  pop %r12\n  pop %rbp\n  pop %rbx\n"
    "  ret\n");

static const int UC_REG[16] = {REG_RAX, REG_RCX, REG_RDX, REG_RBX, REG_RSP, REG_RBP, REG_RSI, REG_RDI,
                               REG_R8,  REG_R9,  REG_R10, REG_R11, REG_R12, REG_R13, REG_R14, REG_R15};

static void on_signal(int sig, siginfo_t *si, void *ucv) {
    ucontext_t *uc = ucv;
    for (int k = 0; k < 16; k++) {
        g_out[k] = (uint64_t)uc->uc_mcontext.gregs[UC_REG[k]];
    }
    g_out[16] = (uint64_t)uc->uc_mcontext.gregs[REG_EFL];
    if (uc->uc_mcontext.fpregs) {
        memcpy(g_xout, uc->uc_mcontext.fpregs->_xmm, 256);
        g_mxout = uc->uc_mcontext.fpregs->mxcsr;
    }
    g_sig = (uint32_t)sig;
    g_code = (uint32_t)si->si_code;
    g_addr = (uint64_t)si->si_addr;
    g_rip = (uint64_t)uc->uc_mcontext.gregs[REG_RIP];
    siglongjmp(g_env, 1);
}

/* Runs the instruction at g_target; a signal it raises returns here through on_signal. */
static void run_one(void) {
    if (sigsetjmp(g_env, 1) == 0) {
        run_insn();
    } else {
        __asm__ volatile("ldmxcsr %0" : : "m"(g_hostmx));
    }
}

/* splitmix64, as in the Java mirror */
static uint64_t next_rand(uint64_t *s) {
    uint64_t z = (*s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static const uint64_t EDGE[16] = {
    0, 1, ~0ULL, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffff, 0x80000000ULL, 0xffffffffULL,
    0x7fffffffffffffffULL, 0x8000000000000000ULL, 0xfffffffffffffffeULL, 0x100000000ULL};

/* Fills the data buffer: each 8-byte word is an edge value or random (Java mirrors this). */
static void fill_buffer(uint8_t *buf, uint64_t seed) {
    uint64_t s = seed;
    for (int w = 0; w < DATA_SIZE / 8; w++) {
        uint64_t x = next_rand(&s);
        uint64_t v = (x & 3) == 0 ? EDGE[(x >> 2) & 15] : next_rand(&s);
        memcpy(buf + w * 8, &v, 8);
    }
}

static void need(int ok, const char *what) {
    if (!ok) {
        fprintf(stderr, "cpuharness: %s\n", what);
        exit(2);
    }
}

static void rd(void *p, size_t n, FILE *f) {
    need(fread(p, 1, n, f) == n, "short input");
}

static void wr(const void *p, size_t n, FILE *f) {
    need(fwrite(p, 1, n, f) == n, "write failed");
}

int main(int argc, char **argv) {
    need(argc == 3, "usage: cpuharness IN OUT");
    FILE *in = fopen(argv[1], "rb");
    FILE *out = fopen(argv[2], "wb");
    need(in && out, "cannot open files");
    static char outbuf[1 << 20];
    setvbuf(out, outbuf, _IOFBF, sizeof outbuf);
    uint32_t hdr[4];
    rd(hdr, sizeof hdr, in);
    need(hdr[0] == 0x43505548, "bad magic");
    int xmm = hdr[1] & 1;
    uint32_t ncases = hdr[2], ilen = hdr[3];
    size_t clen = (ilen + 4095) & ~4095UL;
    uint8_t *code = mmap((void *)CODE, clen, PROT_READ | PROT_WRITE | PROT_EXEC,
                         MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    need(code == (void *)CODE, "cannot map the code region");
    uint8_t *data = mmap((void *)DATA, DATA_SIZE, PROT_READ | PROT_WRITE,
                         MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    need(data == (void *)DATA, "cannot map the data buffer");
    uint8_t *ro = mmap((void *)RO, 4096, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    need(ro == (void *)RO, "cannot map the read-only page");
    for (int k = 0; k < 4096; k++) {
        ro[k] = (uint8_t)(k * 7 + 3);
    }
    need(mprotect(ro, 4096, PROT_READ) == 0, "mprotect");
    rd(code, ilen, in);
    need(syscall(SYS_arch_prctl, ARCH_SET_GS, DATA) == 0, "arch_prctl(ARCH_SET_GS)");
    uint64_t stub[2] = {(uint64_t)&harness_stub, (uint64_t)&harness_stub_taken};
    memcpy(code, stub, 16);
    wr(stub, 16, out);

    static uint8_t altstack[1 << 16];
    stack_t ss = {.ss_sp = altstack, .ss_size = sizeof altstack, .ss_flags = 0};
    need(sigaltstack(&ss, NULL) == 0, "sigaltstack");
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_signal;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    int sigs[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP};
    for (int k = 0; k < 5; k++) {
        need(sigaction(sigs[k], &sa, NULL) == 0, "sigaction");
    }

    static uint8_t initial[DATA_SIZE];
    static uint32_t slots[4096];
    static uint32_t changed[DATA_SIZE];
    for (uint32_t c = 0; c < ncases; c++) {
        uint64_t seed;
        rd(g_in, sizeof g_in, in);
        rd(&seed, 8, in);
        if (xmm) {
            rd(g_xin, sizeof g_xin, in);
            rd(&g_mxin, 8, in);
        }
        uint32_t count;
        rd(&count, 4, in);
        need(count <= 4096, "too many instructions in a case");
        rd(slots, count * 4, in);
        fill_buffer(initial, seed);
        memcpy(data, initial, DATA_SIZE);
        for (uint32_t k = 0; k < count; k++) {
            need(slots[k] + 32 <= ilen, "slot outside the image");
            g_target = CODE + slots[k];
            g_sig = 0;
            g_code = 0;
            g_addr = 0;
            g_rip = 0;
            g_taken = 0;
            run_one();
            wr(g_out, sizeof g_out, out);
            uint32_t sc[2] = {g_sig, g_code};
            uint64_t addr[2] = {g_addr, g_sig != 0 ? g_rip : g_taken};
            wr(sc, 8, out);
            wr(addr, 16, out);
            if (xmm) {
                wr(g_xout, sizeof g_xout, out);
                wr(&g_mxout, 8, out);
            }
            if (g_sig != 0) {
                break;
            }
            memcpy(g_in, g_out, sizeof g_in);
            memcpy(g_xin, g_xout, sizeof g_xin);
            g_mxin = g_mxout;
        }
        uint32_t n = 0;
        for (uint32_t b = 0; b < DATA_SIZE; b++) {
            if (data[b] != initial[b]) {
                changed[n++] = b << 8 | data[b];
            }
        }
        wr(&n, 4, out);
        wr(changed, n * 4, out);
    }
    need(fclose(out) == 0, "close failed");
    return 0;
}
