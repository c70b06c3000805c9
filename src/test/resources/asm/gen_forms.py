# Generates the objdump cross-check corpus: Go form | expected GNU objdump (Intel) text.
R64 = ["AX","CX","DX","BX","SP","BP","SI","DI","R8","R9","R10","R11","R12","R13","R14","R15"]
I64 = ["rax","rcx","rdx","rbx","rsp","rbp","rsi","rdi","r8","r9","r10","r11","r12","r13","r14","r15"]
I32 = ["eax","ecx","edx","ebx","esp","ebp","esi","edi","r8d","r9d","r10d","r11d","r12d","r13d","r14d","r15d"]
I16 = ["ax","cx","dx","bx","sp","bp","si","di","r8w","r9w","r10w","r11w","r12w","r13w","r14w","r15w"]
I8  = ["al","cl","dl","bl","spl","bpl","sil","dil","r8b","r9b","r10b","r11b","r12b","r13b","r14b","r15b"]
IN = {8:I64,4:I32,2:I16,1:I8}
SUF = {8:"Q",4:"L",2:"W",1:"B"}
PTR = {8:"QWORD PTR ",4:"DWORD PTR ",2:"WORD PTR ",1:"BYTE PTR ",16:"XMMWORD PTR "}
out = []
def f(go, intel): out.append(go + " => " + intel)
mems = [("(BX)","[rbx]"),("8(SP)","[rsp+0x8]"),("-8(BP)","[rbp-0x8]"),("(R12)","[r12]"),("(R13)","[r13+0x0]"),
        ("0x100(AX)(CX*8)","[rax+rcx*8+0x100]"),("(SI)(R9*4)","[rsi+r9*4]"),("-1(DI)(DX*2)","[rdi+rdx*2-0x1]"),
        ("16(R15)(R12*1)","[r15+r12*1+0x10]"),("(CX)(AX*1)","[rcx+rax*1]")]
alu = ["ADD","OR","ADC","SBB","AND","SUB","XOR","CMP"]
for op in alu:
    lo = op.lower()
    for s in (8,4,2,1):
        sf = SUF[s]
        f(f"{op}{sf} BX, CX" if op!="CMP" else f"{op}{sf} CX, BX", f"{lo} {IN[s][1]},{IN[s][3]}")
        f(f"{op}{sf} $7, DX" if op!="CMP" else f"{op}{sf} DX, $7", f"{lo} {IN[s][2]},0x7")
        f(f"{op}{sf} (BX), R9" if op!="CMP" else f"{op}{sf} R9, (BX)", f"{lo} {IN[s][9]},{PTR[s]}[rbx]")
        f(f"{op}{sf} R10, 8(SP)" if op!="CMP" else f"{op}{sf} 8(SP), R10", f"{lo} {PTR[s]}[rsp+0x8],{IN[s][10]}")
    big = 0x1234
    f(f"{op}Q ${big}, AX" if op!="CMP" else f"{op}Q AX, ${big}", f"{lo} rax,0x{big:x}")
    f(f"{op}Q ${big}, SI" if op!="CMP" else f"{op}Q SI, ${big}", f"{lo} rsi,0x{big:x}")
    f(f"{op}L $-1, 16(R13)" if op!="CMP" else f"{op}L 16(R13), $-1", f"{lo} DWORD PTR [r13+0x10],0xffffffff")
    f(f"{op}B $200, AL" if op!="CMP" else f"{op}B AL, $200", f"{lo} al,0xc8")
for s in (8,4,2,1):
    sf = SUF[s]
    f(f"TEST{sf} AX, BX", f"test {IN[s][3]},{IN[s][0]}")
    f(f"TEST{sf} $1, (SI)", f"test {PTR[s]}[rsi],0x1")
    f(f"MOV{sf} SI, DI", f"mov {IN[s][7]},{IN[s][6]}")
    f(f"MOV{sf} R8, (AX)", f"mov {PTR[s]}[rax],{IN[s][8]}")
    f(f"MOV{sf} 24(SP), R15", f"mov {IN[s][15]},{PTR[s]}[rsp+0x18]")
    f(f"MOV{sf} $5, 8(BX)", f"mov {PTR[s]}[rbx+0x8],0x5")
    f(f"INC{sf} CX", f"inc {IN[s][1]}")
    f(f"DEC{sf} (DI)", f"dec {PTR[s]}[rdi]")
    f(f"NEG{sf} R11", f"neg {IN[s][11]}")
    f(f"NOT{sf} DX", f"not {IN[s][2]}")
    f(f"MUL{sf} BX", f"mul {IN[s][3]}")
    f(f"IMUL{sf} (CX)", f"imul {PTR[s]}[rcx]")
    f(f"DIV{sf} R9", f"div {IN[s][9]}")
    f(f"IDIV{sf} SI", f"idiv {IN[s][6]}")
    f(f"XCHG{sf} AX, (BX)", f"xchg {PTR[s]}[rbx],{IN[s][0]}")
    f(f"XADD{sf} CX, (DX)", f"xadd {PTR[s]}[rdx],{IN[s][1]}")
    f(f"CMPXCHG{sf} R8, 8(DI)", f"cmpxchg {PTR[s]}[rdi+0x8],{IN[s][8]}")
    for sh,n in (("ROL","rol"),("ROR","ror"),("RCL","rcl"),("RCR","rcr"),("SHL","shl"),("SHR","shr"),("SAR","sar")):
        f(f"{sh}{sf} $1, BX", f"{n} {IN[s][3]},1")
        f(f"{sh}{sf} $3, (AX)", f"{n} {PTR[s]}[rax],0x3")
        f(f"{sh}{sf} CX, R12", f"{n} {IN[s][12]},cl")
f("SALQ $2, AX", "shl rax,0x2")
f("MOVQ $0x123456789, AX", "movabs rax,0x123456789")
f("MOVQ $-1, R9", "mov r9,0xffffffffffffffff")
f("MOVL $0xffffffff, CX", "mov ecx,0xffffffff")
f("MOVQ $0x80000000, AX", "mov eax,0x80000000")
f("MOVQ $0xffffffff, R10", "mov r10d,0xffffffff")
f("MOVQ $-0x80000000, SI", "mov rsi,0xffffffff80000000")
f("ADDQ $0x80, AX", "add rax,0x80")
f("ADDQ $0x80, BX", "add rbx,0x80")
f("ANDL $0xffffff80, CX", "and ecx,0xffffff80")
f("ANDL $-0x80, CX", "and ecx,0xffffff80")
f("ADDW $0xffff, AX", "add ax,0xffff")
f("ADDW $-1, BX", "add bx,0xffff")
f("TESTQ $0x80, AX", "test rax,0x80")
f("TESTL $0xff, AX", "test eax,0xff")
f("TESTW $0x100, AX", "test ax,0x100")
f("TESTB $1, AL", "test al,0x1")
f("TESTB $1, AH", "test ah,0x1")
f("XCHGQ AX, BX", "xchg rbx,rax")
f("XCHGL CX, AX", "xchg ecx,eax")
f("XCHGQ R9, AX", "xchg r9,rax")
f("XCHGW AX, DX", "xchg dx,ax")
f("XCHGQ AX, AX", "rex.W nop")
f("XCHGL AX, AX", "nop")
f("SHLQ $0, AX", "shl rax,0x0")
f("MOVW $0x1234, DX", "mov dx,0x1234")
f("MOVB $0x7f, SIB", "mov sil,0x7f")
f("MOVB $1, AH", "mov ah,0x1")
f("MOVB AH, BL", "mov bl,ah")
f("MOVB AL, R8B", "mov r8b,al")
f("MOVB BPB, (AX)", "mov BYTE PTR [rax],bpl")
for m,(g,i) in enumerate(mems):
    f(f"MOVQ {g}, AX", f"mov rax,QWORD PTR {i}")
    f(f"LEAQ {g}, R10", f"lea r10,{i}")
f("LEAL 8(AX)(BX*4), CX", "lea ecx,[rax+rbx*4+0x8]")
f("LEAQ 0x12345(SP), BP", "lea rbp,[rsp+0x12345]")
f("MOVQ -0x200(SP), BX", "mov rbx,QWORD PTR [rsp-0x200]")
for s in (8,4,2):
    sf=SUF[s]
    f(f"IMUL{sf} CX, DX", f"imul {IN[s][2]},{IN[s][1]}")
    f(f"IMUL{sf} (SI), R8", f"imul {IN[s][8]},{PTR[s]}[rsi]")
    f(f"IMUL3{sf} $10, BX, AX", f"imul {IN[s][0]},{IN[s][3]},0xa")
    f(f"IMUL3{sf} $1000, (DI), CX", f"imul {IN[s][1]},{PTR[s]}[rdi],0x3e8")
    f(f"SHL{sf} $4, AX, BX", f"shld {IN[s][3]},{IN[s][0]},0x4")
    f(f"SHR{sf} CX, DX, (SI)", f"shrd {PTR[s]}[rsi],{IN[s][2]},cl")
    f(f"BSF{sf} CX, DX", f"bsf {IN[s][2]},{IN[s][1]}")
    f(f"BSR{sf} (AX), R9", f"bsr {IN[s][9]},{PTR[s]}[rax]")
    f(f"TZCNT{sf} BX, SI", f"tzcnt {IN[s][6]},{IN[s][3]}")
    f(f"LZCNT{sf} R8, AX", f"lzcnt {IN[s][0]},{IN[s][8]}")
    f(f"POPCNT{sf} DI, CX", f"popcnt {IN[s][1]},{IN[s][7]}")
    for bt in ("BT","BTS","BTR","BTC"):
        f(f"{bt}{sf} $3, AX", f"{bt.lower()} {IN[s][0]},0x3")
        f(f"{bt}{sf} CX, (BX)", f"{bt.lower()} {PTR[s]}[rbx],{IN[s][1]}")
CC = ["OS","OC","CS","CC","EQ","NE","LS","HI","MI","PL","PS","PC","LT","GE","LE","GT"]
ICC = ["o","no","b","ae","e","ne","be","a","s","ns","p","np","l","ge","le","g"]
for c,ic in zip(CC,ICC):
    f(f"CMOVQ{c} BX, AX", f"cmov{ic} rax,rbx")
    f(f"CMOVL{c} (SI), R8", f"cmov{ic} r8d,DWORD PTR [rsi]")
    f(f"SET{c} AL", f"set{ic} al")
    f(f"SET{c} (DI)", f"set{ic} BYTE PTR [rdi]")
f("CMOVWEQ CX, DX", "cmove dx,cx")
f("SETEQ SIB", "sete sil")
f("SETNE R9B", "setne r9b")
for (g,i) in (("MOVBQZX AL, AX","movzx rax,al"),("MOVBQZX (SI), CX","movzx rcx,BYTE PTR [rsi]"),("MOVBLZX DIB, DX","movzx edx,dil"),
              ("MOVBWZX BL, R9","movzx r9w,bl"),("MOVWLZX CX, AX","movzx eax,cx"),("MOVWQZX 2(BX), R10","movzx r10,WORD PTR [rbx+0x2]"),
              ("MOVBQSX AL, AX","movsx rax,al"),("MOVBLSX (DI), SI","movsx esi,BYTE PTR [rdi]"),("MOVBWSX CL, DX","movsx dx,cl"),
              ("MOVWLSX AX, CX","movsx ecx,ax"),("MOVWQSX (SP), R8","movsx r8,WORD PTR [rsp]"),("MOVLQSX AX, BX","movsxd rbx,eax"),
              ("MOVLQSX 4(SI), R12","movsxd r12,DWORD PTR [rsi+0x4]"),("MOVLQZX CX, DX","mov edx,ecx"),("MOVLQZX (AX), R9","mov r9d,DWORD PTR [rax]"),
              ("BSWAPQ AX","bswap rax"),("BSWAPL R9","bswap r9d"),("BSWAPQ R15","bswap r15"),
              ("PUSHQ AX","push rax"),("PUSHQ R12","push r12"),("PUSHQ $1","push 0x1"),("PUSHQ $0x1000","push 0x1000"),("PUSHQ 8(SP)","push QWORD PTR [rsp+0x8]"),
              ("POPQ BX","pop rbx"),("POPQ R13","pop r13"),("POPQ (AX)","pop QWORD PTR [rax]"),("PUSHFQ","pushf"),("POPFQ","popf"),("POPQ CX","pop rcx"),("POPQ DX","pop rdx"),
              ("CBW","cbw"),("CWDE","cwde"),("CDQE","cdqe"),("CWD","cwd"),("CDQ","cdq"),("CQO","cqo"),
              ("MOVSB","movs BYTE PTR es:[rdi],BYTE PTR ds:[rsi]"),("MOVSW","movs WORD PTR es:[rdi],WORD PTR ds:[rsi]"),
              ("MOVSL","movs DWORD PTR es:[rdi],DWORD PTR ds:[rsi]"),("MOVSQ","movs QWORD PTR es:[rdi],QWORD PTR ds:[rsi]"),
              ("STOSB","stos BYTE PTR es:[rdi],al"),("STOSQ","stos QWORD PTR es:[rdi],rax"),("STOSL","stos DWORD PTR es:[rdi],eax"),
              ("LODSB","lods al,BYTE PTR ds:[rsi]"),("LODSQ","lods rax,QWORD PTR ds:[rsi]"),
              ("SCASB","scas al,BYTE PTR es:[rdi]"),("SCASQ","scas rax,QWORD PTR es:[rdi]"),
              ("CMPSB","cmps BYTE PTR ds:[rsi],BYTE PTR es:[rdi]"),("CMPSQ","cmps QWORD PTR ds:[rsi],QWORD PTR es:[rdi]"),
              ("REP; MOVSQ","rep movs QWORD PTR es:[rdi],QWORD PTR ds:[rsi]"),("REP; STOSB","rep stos BYTE PTR es:[rdi],al"),
              ("REPN; SCASB","repnz scas al,BYTE PTR es:[rdi]"),("REP; CMPSB","repz cmps BYTE PTR ds:[rsi],BYTE PTR es:[rdi]"),
              ("LOCK; XADDQ AX, (BX)","lock xadd QWORD PTR [rbx],rax"),("LOCK; CMPXCHGL CX, (DI)","lock cmpxchg DWORD PTR [rdi],ecx"),
              ("LOCK; INCQ (AX)","lock inc QWORD PTR [rax]"),("LOCK; ORB $1, (SI)","lock or BYTE PTR [rsi],0x1"),
              ("LOCK; CMPXCHG16B (DI)","lock cmpxchg16b OWORD PTR [rdi]"),("CMPXCHG8B (SI)","cmpxchg8b QWORD PTR [rsi]"),
              ("CLC","clc"),("STC","stc"),("CMC","cmc"),("CLD","cld"),("STD","std"),("PAUSE","pause"),
              ("MFENCE","mfence"),("LFENCE","lfence"),("SFENCE","sfence"),("CPUID","cpuid"),("RDTSC","rdtsc"),
              ("SYSCALL","syscall"),("UNDEF","ud2"),("HLT","hlt"),("LEAVEQ","leave"),("INT $3","int 0x3"),("INT3","int3"),("INT $0x80","int 0x80"),
              ("RET","ret"),("CALL AX","call rax"),("CALL R11","call r11"),("CALL (BX)","call QWORD PTR [rbx]"),("CALL 8(AX)(CX*8)","call QWORD PTR [rax+rcx*8+0x8]"),
              ("JMP DX","jmp rdx"),("JMP (SI)","jmp QWORD PTR [rsi]"),("JMP R9","jmp r9"),
              ("MOVUPS (AX), X0","movups xmm0,XMMWORD PTR [rax]"),("MOVUPS X1, 16(SP)","movups XMMWORD PTR [rsp+0x10],xmm1"),("MOVUPS X2, X9","movups xmm9,xmm2"),
              ("MOVAPS X3, X4","movaps xmm4,xmm3"),("MOVAPS (DI), X15","movaps xmm15,XMMWORD PTR [rdi]"),
              ("MOVOU (SI), X1","movdqu xmm1,XMMWORD PTR [rsi]"),("MOVOU X8, (DI)","movdqu XMMWORD PTR [rdi],xmm8"),
              ("MOVO X0, (AX)","movdqa XMMWORD PTR [rax],xmm0"),("MOVO 32(BX), X5","movdqa xmm5,XMMWORD PTR [rbx+0x20]"),
              ("MOVUPD X1, X2","movupd xmm2,xmm1"),("MOVAPD (AX), X3","movapd xmm3,XMMWORD PTR [rax]"),
              ("MOVSD (AX), X0","movsd xmm0,QWORD PTR [rax]"),("MOVSD X1, 8(SP)","movsd QWORD PTR [rsp+0x8],xmm1"),
              ("MOVSS X2, X3","movss xmm3,xmm2"),("MOVSS (CX), X10","movss xmm10,DWORD PTR [rcx]"),
              ("MOVHPS (AX), X1","movhps xmm1,QWORD PTR [rax]"),("MOVHPS X2, (BX)","movhps QWORD PTR [rbx],xmm2"),
              ("MOVLPS (AX), X1","movlps xmm1,QWORD PTR [rax]"),("MOVLPS X2, (BX)","movlps QWORD PTR [rbx],xmm2"),
              ("MOVQ AX, X0","movq xmm0,rax"),("MOVQ X1, BX","movq rbx,xmm1"),("MOVQ X2, X3","movq xmm3,xmm2"),
              ("MOVQ (SI), X4","movq xmm4,QWORD PTR [rsi]"),("MOVQ X5, 8(DI)","movq QWORD PTR [rdi+0x8],xmm5"),("MOVQ R9, X12","movq xmm12,r9"),
              ("MOVL CX, X1","movd xmm1,ecx"),("MOVL X2, DX","movd edx,xmm2"),("MOVL (AX), X3","movd xmm3,DWORD PTR [rax]"),
              ("PXOR X0, X0","pxor xmm0,xmm0"),("PXOR X9, X1","pxor xmm1,xmm9"),("PXOR (AX), X2","pxor xmm2,XMMWORD PTR [rax]"),
              ("XORPS X1, X2","xorps xmm2,xmm1"),("XORPD X3, X4","xorpd xmm4,xmm3"),("PAND X1, X2","pand xmm2,xmm1"),
              ("PANDN X1, X2","pandn xmm2,xmm1"),("POR X1, X2","por xmm2,xmm1"),("ANDPS X1, X2","andps xmm2,xmm1"),
              ("ANDNPS X1, X2","andnps xmm2,xmm1"),("ORPS X1, X2","orps xmm2,xmm1"),
              ("PADDB X1, X2","paddb xmm2,xmm1"),("PADDW X1, X2","paddw xmm2,xmm1"),("PADDL X1, X2","paddd xmm2,xmm1"),("PADDQ X1, X2","paddq xmm2,xmm1"),
              ("PSUBB X1, X2","psubb xmm2,xmm1"),("PSUBW X1, X2","psubw xmm2,xmm1"),("PSUBL X1, X2","psubd xmm2,xmm1"),("PSUBQ X1, X2","psubq xmm2,xmm1"),
              ("PCMPEQB X1, X2","pcmpeqb xmm2,xmm1"),("PCMPEQW X1, X2","pcmpeqw xmm2,xmm1"),("PCMPEQL (SI), X2","pcmpeqd xmm2,XMMWORD PTR [rsi]"),
              ("PUNPCKLBW X1, X2","punpcklbw xmm2,xmm1"),("PUNPCKLWL X1, X2","punpcklwd xmm2,xmm1"),("PUNPCKLLQ X1, X2","punpckldq xmm2,xmm1"),
              ("PUNPCKLQDQ X1, X2","punpcklqdq xmm2,xmm1"),("PUNPCKHQDQ X1, X2","punpckhqdq xmm2,xmm1"),
              ("PMOVMSKB X1, AX","pmovmskb eax,xmm1"),("PMOVMSKB X9, R10","pmovmskb r10d,xmm9"),("PSHUFL $0x1b, X1, X2","pshufd xmm2,xmm1,0x1b"),
              ("PSLLQ $3, X1","psllq xmm1,0x3"),("PSRLQ $3, X1","psrlq xmm1,0x3"),("PSLLL $2, X10","pslld xmm10,0x2"),("PSRLL $2, X3","psrld xmm3,0x2"),
              ("PSLLO $4, X1","pslldq xmm1,0x4"),("PSRLO $8, X2","psrldq xmm2,0x8"),("PSLLQ X1, X2","psllq xmm2,xmm1"),("PSRLQ X3, X4","psrlq xmm4,xmm3"),
              ("PREFETCHT0 (AX)","prefetcht0 BYTE PTR [rax]"),("PREFETCHNTA 64(SI)","prefetchnta BYTE PTR [rsi+0x40]"),
              ("MOVQ TLS, CX","mov rcx,0xfffffffffffffff8"),("MOVQ 0(CX)(TLS*1), AX","mov rax,QWORD PTR fs:[rcx]"),
              ("MOVQ AX, 0(R14)(TLS*1)","mov QWORD PTR fs:[r14],rax"),("MOVQ (TLS), BX","mov rbx,QWORD PTR fs:0xfffffffffffffff8"),
              ("MOVQ $(1<<3), AX","mov rax,0x8"),("MOVQ $~15, AX","mov rax,0xfffffffffffffff0"),("MOVQ $'a', AX","mov rax,0x61"),
              ("ADDQ $(8*3+1)&~7, SP","add rsp,0x18"),("MOVL $0x10|0x1, DX","mov edx,0x11"),
              ("NOP; CLC","clc"),("BYTE $0x90","nop"),("WORD $0x0b0f","ud2"),("LONG $0x90909090","nop; nop; nop; nop"),
              ("ADJSP $16","sub rsp,0x10"),("UD2","ud2"),("PSHUFD $0x1b, X3, X4","pshufd xmm4,xmm3,0x1b"),("PADDD X5, X6","paddd xmm6,xmm5"),("PSLLDQ $3, X1","pslldq xmm1,0x3"),("PSRLDQ $5, X9","psrldq xmm9,0x5"),("NOPL (AX)","nop DWORD PTR [rax]"),("NOPW 0(AX)(AX*1)","nop WORD PTR [rax+rax*1]"),("NOPL 0x10(AX)","nop DWORD PTR [rax+0x10]"),("MOVQ 0x10(AX*8), DX","mov rdx,QWORD PTR [rax*8+0x10]"),("LEAQ (CX*4), SI","lea rsi,[rcx*4+0x0]"),("MOVQ 8, AX","mov rax,QWORD PTR ds:0x8"),("MOVL AX, 0x1000","mov DWORD PTR ds:0x1000,eax"),("ADJSP $-16","add rsp,0x10"),
             ):
    f(g,i)
# symbol forms
for (g,i) in (("MOVQ sym(SB), AX","mov rax,QWORD PTR [rip+REL]"),("MOVQ AX, sym+8(SB)","mov QWORD PTR [rip+REL],rax"),
              ("LEAQ sym(SB), BX","lea rbx,[rip+REL]"),("MOVQ $sym(SB), CX","lea rcx,[rip+REL]"),
              ("MOVQ sym(SB)(AX*8), DX","mov rdx,QWORD PTR [rax*8+ABS]"),("MOVL $sym+4(SB), DI","lea edi,[rip+REL]"),
              ("CALL fn(SB)","call ADDR"),("JMP fn(SB)","jmp ADDR"),("CMPQ sym(SB), $0","cmp QWORD PTR [rip+REL],0x0"),
              ("MOVB $1, sym<>(SB)","mov BYTE PTR [rip+REL],0x1")):
    f(g,i)
open("forms.txt","w").write("\n".join(out)+"\n")
print(len(out))
