# gmpvm debug --batch docs/debugging/goruntime.gdb target/go-examples/pingpong
# The same views on Go's own runtime: examples/go/pingpong built by Go 1.19's toolchain, its g,
# m, p and schedt read through the program's DWARF. main blocks sending on ping, so the ponger
# (main.main.func1) runs; it takes the value, which readies main into the P's runnext, and
# blocks sending the reply on pong: Go's mcall leaves it for g0, park_m makes it wait, and
# schedule finds main in runnext and Go's gogo switches to it.
break main.main.func1
continue
info goroutines
info ps
delete
break runtime.park_m
continue
bt
info goroutines
info goroutines user
info ps
delete
next-switch
info switches
goroutine 5 bt
