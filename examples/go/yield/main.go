// yield: the Go program behind runtime-asm/examples/yield.s: goroutines A and B take turns
// printing three lines each, calling runtime.Gosched while it is not their turn.
package main

import (
	"runtime"
	"sync/atomic"
)

var turn, finished int32

func worker(name string, me int32) {
	for i := 0; i < 3; i++ {
		for atomic.LoadInt32(&turn) != me {
			runtime.Gosched()
		}
		println(name, i)
		atomic.StoreInt32(&turn, 1-me)
	}
	atomic.AddInt32(&finished, 1)
}

func main() {
	go worker("A", 0)
	go worker("B", 1)
	for atomic.LoadInt32(&finished) != 2 {
		runtime.Gosched()
	}
	println("done")
}
