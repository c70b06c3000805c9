# REP MOVSB whose source starts 16 bytes below 2^64: the first byte read faults. Linux raises
# SIGSEGV at 0xfffffffffffffff0 (status 139); nothing is copied and the exit is never reached.
        .globl  _start
_start:
        mov     $-16, %rsi
        lea     buf(%rip), %rdi
        mov     $32, %ecx
        rep movsb
        xor     %edi, %edi
        mov     $231, %eax
        syscall

        .bss
buf:    .space  64
