# REP STOSB whose destination wraps past 2^64: the first store faults, SIGSEGV (status 139).
        .globl  _start
_start:
        mov     $-16, %rdi
        mov     $32, %ecx
        xor     %eax, %eax
        rep stosb
        xor     %edi, %edi
        mov     $231, %eax
        syscall
