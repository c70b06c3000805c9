# Multiply and divide in GNU as: MUL/IMUL in 8/16/32/64-bit forms, DIV/IDIV with CQO/CDQ, the
# 2- and 3-operand IMULs, and a division by zero at the end (SIGFPE, status 136).
        .include "print.inc"
        .globl  _start
_start:
        mov     $200, %al
        mov     $3, %bl
        mul     %bl                     # ax = 600
        movzwl  %ax, %edi
        call    print_dec
        call    print_sp
        mov     $-100, %al
        mov     $3, %bl
        imul    %bl                     # ax = -300
        movswq  %ax, %rdi
        call    print_dec
        call    print_sp
        mov     $0xffff, %ax
        mov     $0xffff, %bx
        mul     %bx                     # dx:ax = 0xfffe0001
        shl     $16, %edx
        movzwl  %ax, %eax
        or      %eax, %edx
        mov     %edx, %edi
        call    print_hex
        call    print_nl
        mov     $0x89abcdef, %eax
        mov     $0x12345678, %ecx
        mul     %ecx
        mov     %rdx, %rdi
        call    print_hex
        call    print_sp
        mov     %rax, %rdi
        call    print_hex
        call    print_nl
        mov     $-7, %rax
        mov     $3, %rcx
        cqo
        idiv    %rcx
        mov     %rax, %rdi
        push    %rdx
        call    print_dec
        call    print_sp
        pop     %rdi
        call    print_dec
        call    print_sp
        mov     $-1000000, %eax
        cdq
        mov     $7, %ecx
        idiv    %ecx
        movslq  %eax, %rdi
        push    %rdx
        call    print_dec
        call    print_sp
        pop     %rdi
        movslq  %edi, %rdi
        call    print_dec
        call    print_nl
        mov     $123456789, %rax
        imul    $-1000, %rax, %rbx
        imul    %rbx, %rbx
        mov     %rbx, %rdi
        call    print_hex
        call    print_nl
        xor     %ecx, %ecx
        mov     $1, %eax
        xor     %edx, %edx
        div     %rcx
        mov     $1, %edi
        call    exit
