# Hello world in GNU as: one write(2), then exit_group(2) with status 0.
        .include "print.inc"
        .globl  _start
_start:
        lea     msg(%rip), %rdi
        mov     $len, %esi
        call    print_str
        xor     %edi, %edi
        call    exit

        .section .rodata
msg:    .ascii  "hello from GNU as\n"
        .set    len, . - msg
