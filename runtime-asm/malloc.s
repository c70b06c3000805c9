// malloc.s: a simple allocator for the runtime's own structures (and, through stack.s's pool,
// goroutine stacks). Memory comes from mmap in 1 MiB chunks and is handed out by bumping a
// pointer under a lock; there is no garbage collector, so nothing is given back to the kernel.
// Routines take their arguments on the stack (ABI0) and may clobber every register but SP and
// BP unless their opening comment names what they clobber.
// All are NOSPLIT: newstack allocates stacks through persistentalloc, and the callers rely on
// the clobber lists.
#include "go_asm.h"
#include "go_tls.h"
#include "textflag.h"

#define chunkSize (1<<20)

// persistentalloc(size uintptr) unsafe.Pointer: size bytes of zeroed memory, 16-byte aligned.
// Requests larger than a chunk get their own mapping. Clobbers AX BX CX DX SI DI R8-R11.
TEXT runtime·persistentalloc(SB), NOSPLIT, $56-16
	LEAQ	runtime·persistentlock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·lock(SB)
	MOVQ	size+0(FP), BX
	ADDQ	$15, BX
	ANDQ	$~15, BX
	CMPQ	BX, $chunkSize
	JHI	big
	MOVQ	runtime·persistentptr(SB), AX
	MOVQ	runtime·persistentend(SB), CX
	SUBQ	AX, CX                    // bytes left
	CMPQ	BX, CX
	JLS	have
	MOVQ	$chunkSize, 0(SP)          // a new chunk
	CALL	runtime·sysAlloc(SB)
	MOVQ	8(SP), AX
	MOVQ	AX, runtime·persistentptr(SB)
	ADDQ	$chunkSize, AX
	MOVQ	AX, runtime·persistentend(SB)
	MOVQ	runtime·persistentptr(SB), AX
	MOVQ	size+0(FP), BX
	ADDQ	$15, BX
	ANDQ	$~15, BX
have:
	LEAQ	(AX)(BX*1), CX
	MOVQ	CX, runtime·persistentptr(SB)
	MOVQ	AX, ret+8(FP)
	JMP	out
big:
	MOVQ	BX, 0(SP)
	CALL	runtime·sysAlloc(SB)
	MOVQ	8(SP), AX
	MOVQ	AX, ret+8(FP)
out:
	LEAQ	runtime·persistentlock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	RET

// sysAlloc(n uintptr) unsafe.Pointer: n bytes of fresh zeroed memory from mmap; throws
// "runtime: out of memory" when the kernel refuses. Clobbers AX CX DX SI DI R8-R11.
TEXT runtime·sysAlloc(SB), NOSPLIT, $56-16
	MOVQ	$0, 0(SP)
	MOVQ	n+0(FP), AX
	MOVQ	AX, 8(SP)
	MOVL	$(_PROT_READ|_PROT_WRITE), 16(SP)
	MOVL	$(_MAP_PRIVATE|_MAP_ANON), 20(SP)
	MOVL	$-1, 24(SP)
	MOVL	$0, 28(SP)
	CALL	runtime·mmap(SB)
	MOVQ	32(SP), AX
	CMPQ	AX, $0
	JNE	ok
	LEAQ	msgoom<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$13, 8(SP)
	CALL	runtime·throw(SB)
ok:
	MOVQ	AX, ret+8(FP)
	RET

DATA	msgoom<>+0(SB)/13, $"out of memory"
GLOBL	msgoom<>(SB), RODATA, $13

// memmove(to, from unsafe.Pointer, n uintptr): copies n bytes (forwards; the runtime only
// moves between non-overlapping areas). Clobbers CX SI DI.
TEXT runtime·memmove(SB), NOSPLIT, $0-24
	MOVQ	to+0(FP), DI
	MOVQ	from+8(FP), SI
	MOVQ	n+16(FP), CX
	CLD
	REP; MOVSB
	RET

GLOBL	runtime·persistentlock(SB), NOPTR, $8
GLOBL	runtime·persistentptr(SB), NOPTR, $8
GLOBL	runtime·persistentend(SB), NOPTR, $8
