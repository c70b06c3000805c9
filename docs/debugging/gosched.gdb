# gmpvm debug --batch docs/debugging/gosched.gdb runtime-asm/examples/yield.s
# A Gosched, instruction by instruction: mcall leaves the goroutine for g0, gosched_m puts it
# on the global run queue, schedule picks the next goroutine and gogo switches to it.
break main.worker
continue
tbreak runtime.Gosched
continue
bt
info goroutines
next-switch
bt
info sched
break runtime.gogo
continue
bt
x/7gx *($sp+8)
next-switch
info goroutines
info switches
