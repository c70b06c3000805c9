// gosched_roundrobin: three goroutines print and yield three times each. Every Gosched puts the
// caller at the tail of the global queue, so they take turns in a fixed rotation.
package main

import "runtime"

var done = make(chan int)

func w(id int) {
	for i := 0; i < 3; i++ {
		println("w", id, "step", i)
		runtime.Gosched()
	}
	done <- id
}

func main() {
	go w(1)
	go w(2)
	go w(3)
	for i := 0; i < 3; i++ {
		println("done", <-done)
	}
}
