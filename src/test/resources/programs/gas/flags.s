# Arithmetic flags: ADC/SBB chains (a 256-bit add and subtract), SETcc for every condition
# after a few comparisons, CMOVcc, PUSHF/POPF, LAHF/SAHF. Exits with status 9.
        .include "print.inc"
        .globl  _start
_start:
        # 256-bit add: a + b, little-endian limbs
        mov     a+0(%rip), %rax
        add     b+0(%rip), %rax
        mov     %rax, r+0(%rip)
        mov     a+8(%rip), %rax
        adc     b+8(%rip), %rax
        mov     %rax, r+8(%rip)
        mov     a+16(%rip), %rax
        adc     b+16(%rip), %rax
        mov     %rax, r+16(%rip)
        mov     a+24(%rip), %rax
        adc     b+24(%rip), %rax
        mov     %rax, r+24(%rip)
        call    dump_r
        # 256-bit subtract: a - b
        mov     a+0(%rip), %rax
        sub     b+0(%rip), %rax
        mov     %rax, r+0(%rip)
        mov     a+8(%rip), %rax
        sbb     b+8(%rip), %rax
        mov     %rax, r+8(%rip)
        mov     a+16(%rip), %rax
        sbb     b+16(%rip), %rax
        mov     %rax, r+16(%rip)
        mov     a+24(%rip), %rax
        sbb     b+24(%rip), %rax
        mov     %rax, r+24(%rip)
        call    dump_r

        # all 16 conditions after comparisons of a few pairs, packed into a 16-bit mask each
        lea     pairs(%rip), %r12
        mov     $6, %r13d
1:      mov     (%r12), %rax
        mov     8(%r12), %rbx
        xor     %r14d, %r14d
        .irp    cc, o,no,b,ae,e,ne,be,a,s,ns,p,np,l,ge,le,g
        cmp     %rbx, %rax
        set\cc  %cl
        movzbl  %cl, %ecx
        shl     $1, %r14d
        or      %ecx, %r14d
        .endr
        mov     %r14, %rdi
        call    print_hex
        call    print_sp
        # the same with 8-bit compares of the low bytes
        xor     %r14d, %r14d
        .irp    cc, o,no,b,ae,e,ne,be,a,s,ns,p,np,l,ge,le,g
        cmp     %bl, %al
        set\cc  %cl
        movzbl  %cl, %ecx
        shl     $1, %r14d
        or      %ecx, %r14d
        .endr
        mov     %r14, %rdi
        call    print_hex
        call    print_nl
        add     $16, %r12
        dec     %r13d
        jnz     1b

        # cmov, pushf/popf, lahf/sahf
        mov     $5, %eax
        mov     $7, %ebx
        cmp     %ebx, %eax
        cmovl   %rbx, %rax
        mov     %rax, %rdi
        call    print_dec
        call    print_sp
        mov     $3, %eax
        add     $0, %eax                # known arithmetic flags: PF set, the others clear
        stc
        pushfq
        pop     %rax
        and     $0x8d5, %eax
        mov     %rax, %rdi
        call    print_hex
        call    print_sp
        mov     $0xd5, %eax
        shl     $8, %eax
        sahf
        lahf
        shr     $8, %eax
        and     $0xd5, %eax
        mov     %rax, %rdi
        call    print_hex
        call    print_nl
        mov     $9, %edi
        call    exit

dump_r:
        push    %rbx
        mov     $3, %ebx
1:      lea     r(%rip), %rax
        mov     (%rax,%rbx,8), %rdi
        call    print_hex
        call    print_sp
        dec     %ebx
        jns     1b
        call    print_nl
        pop     %rbx
        ret

        .data
a:      .quad   0xffffffffffffffff, 0x7fffffffffffffff, 0x0000000000000001, 0x8000000000000000
b:      .quad   0x0000000000000001, 0x8000000000000001, 0xffffffffffffffff, 0x7fffffffffffffff
pairs:  .quad   1, 2,  2, 1,  -1, 1,  0x8000000000000000, 1,  0x7fffffffffffff80, -1,  5, 5
        .bss
r:      .skip   32
