# gmpvm debug --cpus 4 --env GOMAXPROCS=4 --batch docs/debugging/steal.gdb runtime-asm/examples/fanout.s
# GOMAXPROCS=4 on 4 simulated CPUs: main queues goroutines on its P's run queue; a new M wakes up
# spinning, finds P0's queue in stealWork and runqsteal takes half of it. The breakpoint sits
# at runqsteal's "got" path: runqgrab has just moved the goroutines (the victim's runqhead advanced),
# and runqsteal is about to publish them on the thief's queue (its runqtail). The tour begins at
# main·main, after the runtime's own start-up.
tbreak main.main
continue
break proc.s:2467
continue
info threads
info ps
finish
info ps
info sched
info ms
