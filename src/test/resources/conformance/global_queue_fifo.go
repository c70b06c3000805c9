// global_queue_fifo: five goroutines each yield once before printing. Their Goscheds queue them
// on the global run queue, which is first in, first out.
package main

import "runtime"

var done = make(chan int)

func g(i int) {
	println("g", i, "yields")
	runtime.Gosched()
	println("g", i, "back")
	done <- i
}

func main() {
	for i := 1; i <= 5; i++ {
		go g(i)
	}
	for i := 1; i <= 5; i++ {
		<-done
	}
	println("main done")
}
