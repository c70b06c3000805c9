// Flags of TEXT and GLOBL directives, with the values Go's assembler gives them
// (src/runtime/textflag.h), so a source reads the same under gmpvm and Go.

// Don't profile the marked routine. (Accepted, no effect in gmpvm.)
#define NOPROF	1
// It is ok for the linker to get multiple of these symbols: the first one wins.
#define DUPOK	2
// Don't insert the stack-split prologue.
#define NOSPLIT	4
// Put this data in the read-only section (.rodata).
#define RODATA	8
// This data contains no pointers. (Accepted, no effect: gmpvm has no garbage collector.)
#define NOPTR	16
// A wrapper function (accepted; gmpvm inserts no panic-argp fix-up).
#define WRAPPER 32
// The function uses its incoming context register: the split prologue calls runtime·morestack.
#define NEEDCTXT 64
// Thread-local storage data (accepted, no effect).
#define TLSBSS	256
// Do not save BP or build a frame even when the frame size is non-zero.
#define NOFRAME 512
// Function can call reflect.Type.Method (accepted, no effect).
#define REFLECTMETHOD 1024
// The outermost frame of a thread: tracebacks stop here.
#define TOPFRAME 2048
// An ABI wrapper (accepted, no effect).
#define ABIWRAPPER 4096
