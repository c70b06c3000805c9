// gostart: the Go program behind runtime-asm/examples/gostart.s: `go start(7, 2, 5)`, and main
// waits for the new goroutine by yielding until it has set done.
package main

import (
	"runtime"
	"sync/atomic"
)

var done int32

func start(a, b, c int) {
	println("start", a, b, c, a*b+c)
	atomic.StoreInt32(&done, 1)
}

func main() {
	go start(7, 2, 5)
	for atomic.LoadInt32(&done) == 0 {
		runtime.Gosched()
	}
	println("main done")
}
