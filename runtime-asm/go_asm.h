// Struct offsets and constants of the gmpvm runtime. This is a placeholder until the runtime
// lands: only the fields the stack-split prologue relies on are defined here.
#define g_stack_lo 0
#define g_stack_hi 8
#define g_stackguard0 16
#define g_stackguard1 24
