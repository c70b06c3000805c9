# Stack and control flow in GNU as: recursive factorial through the stack, ENTER/LEAVE frames,
# PUSH/POP of memory operands, XCHG, BSWAP, RCL/RCR/ROL/ROR, an indirect jump table, LOOP.
        .include "print.inc"
        .globl  _start
_start:
        mov     $20, %edi
        call    fact
        mov     %rax, %rdi
        call    print_dec
        call    print_nl
        # enter/leave frame with locals
        call    framed
        mov     %rax, %rdi
        call    print_dec
        call    print_nl
        # push/pop memory, xchg, bswap
        pushq   value(%rip)
        popq    value2(%rip)
        mov     value2(%rip), %rax
        bswap   %rax
        mov     $0x1234, %ebx
        xchg    %rax, %rbx
        mov     %rbx, %rdi
        call    print_hex
        call    print_sp
        mov     %rax, %rdi
        call    print_hex
        call    print_nl
        # rotates
        mov     $0x8000000000000001, %rax
        rol     $4, %rax
        mov     %rax, %rdi
        call    print_hex
        call    print_sp
        mov     $0x00000000000000f1, %rax
        ror     $8, %al
        stc
        rcl     $1, %rax
        clc
        rcr     $2, %rax
        mov     %rax, %rdi
        call    print_hex
        call    print_nl
        # jump table through LOOP: r12 counts 5..1
        mov     $5, %ecx
        xor     %r12d, %r12d
1:      push    %rcx
        mov     %ecx, %eax
        and     $3, %eax
        lea     table(%rip), %rdx
        jmp     *(%rdx,%rax,8)
case0:  add     $1, %r12
        jmp     2f
case1:  add     $10, %r12
        jmp     2f
case2:  add     $100, %r12
        jmp     2f
case3:  add     $1000, %r12
2:      pop     %rcx
        loop    1b
        mov     %r12, %rdi
        call    print_dec
        call    print_nl
        mov     $17, %edi
        call    exit

fact:                                   # rax = rdi!
        cmp     $1, %rdi
        ja      1f
        mov     $1, %eax
        ret
1:      push    %rdi
        dec     %rdi
        call    fact
        pop     %rdi
        imul    %rdi, %rax
        ret

framed:
        enter   $32, $0
        movq    $11, -8(%rbp)
        movq    $31, -16(%rbp)
        mov     -8(%rbp), %rax
        imul    -16(%rbp), %rax
        lea     (%rax,%rax,2), %rax
        leave
        ret

        .section .rodata
table:  .quad   case0, case1, case2, case3
        .data
value:  .quad   0x0102030405060708
value2: .quad   0
