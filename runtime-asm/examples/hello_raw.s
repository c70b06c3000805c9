// hello_raw.s: the smallest self-contained program. It has its own entry point and talks to
// the kernel with raw system calls, so it runs without the runtime:
//
//	gmpvm run --no-runtime runtime-asm/examples/hello_raw.s
#include "textflag.h"

TEXT _rt0_amd64_linux(SB), NOSPLIT, $0
	MOVQ	$1, DI            // fd 1: standard output
	LEAQ	msg<>(SB), SI     // the bytes
	MOVQ	$14, DX           // how many
	MOVQ	$1, AX            // SYS_write
	SYSCALL
	MOVQ	$0, DI            // exit status 0
	MOVQ	$231, AX          // SYS_exit_group
	SYSCALL

DATA	msg<>+0(SB)/8, $"Hello, w"
DATA	msg<>+8(SB)/6, $"orld!\n"
GLOBL	msg<>(SB), RODATA, $14
