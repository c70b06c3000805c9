# String instructions in GNU as: REP MOVSB/MOVSQ/STOSD forwards and backwards, REPNE SCASB as
# strlen, REPE CMPSB as memcmp. Prints results and the buffer.
        .include "print.inc"
        .globl  _start
_start:
        cld
        # strlen(text) with repne scasb
        lea     text(%rip), %rdi
        xor     %eax, %eax
        mov     $-1, %rcx
        repne scasb
        not     %rcx
        dec     %rcx
        mov     %rcx, %r12              # length
        mov     %rcx, %rdi
        call    print_dec
        call    print_nl
        # copy text to buf forwards
        lea     text(%rip), %rsi
        lea     buf(%rip), %rdi
        mov     %r12, %rcx
        rep movsb
        lea     buf(%rip), %rdi
        mov     %r12, %rsi
        call    print_str
        call    print_nl
        # reverse-copy with DF=1: copy text backwards onto buf+8 (overlapping move done right)
        lea     buf(%rip), %rsi
        add     %r12, %rsi
        dec     %rsi
        lea     8(%rsi), %rdi
        mov     %r12, %rcx
        std
        rep movsb
        cld
        lea     buf(%rip), %rdi
        lea     8(%r12), %rsi
        call    print_str
        call    print_nl
        # fill 4 dwords backwards with stosl
        lea     buf+12(%rip), %rdi
        mov     $0x2e2e2e2e, %eax
        mov     $3, %ecx
        std
        rep stosl
        cld
        lea     buf(%rip), %rdi
        lea     8(%r12), %rsi
        call    print_str
        call    print_nl
        # memcmp with repe cmpsb: where do text and other differ?
        lea     text(%rip), %rsi
        lea     other(%rip), %rdi
        mov     %r12, %rcx
        repe cmpsb
        setb    %bl
        lea     text(%rip), %rax
        sub     %rax, %rsi
        mov     %rsi, %rdi
        call    print_dec
        call    print_sp
        mov     %rcx, %rdi
        call    print_dec
        call    print_sp
        movzbl  %bl, %edi
        call    print_dec
        call    print_nl
        # movsq of 3 quadwords backwards
        lea     qsrc+16(%rip), %rsi
        lea     qdst+16(%rip), %rdi
        mov     $3, %ecx
        std
        rep movsq
        cld
        mov     qdst+0(%rip), %rdi
        call    print_hex
        call    print_sp
        mov     qdst+16(%rip), %rdi
        call    print_hex
        call    print_nl
        xor     %edi, %edi
        call    exit

        .data
text:   .asciz  "string instructions walk memory"
other:  .asciz  "string instructions talk memory"
qsrc:   .quad   0x1111111111111111, 0x2222222222222222, 0x3333333333333333
        .bss
buf:    .skip   128
qdst:   .skip   24
