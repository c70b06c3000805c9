// close_wakes_receivers: three receivers park on a channel; close wakes every one with the zero
// value and ok == false. closechan collects the waiters on a stack and readies them in reverse:
// the first parked is readied last and so runs first (runnext), then the others.
package main

import "runtime"

var c = make(chan int)
var done = make(chan int)

func r(i int) {
	v, ok := <-c
	println("r", i, v, ok)
	done <- 0
}

func main() {
	go r(1)
	go r(2)
	go r(3)
	runtime.Gosched()
	println("closing")
	close(c)
	println("closed")
	for i := 0; i < 3; i++ {
		<-done
	}
}
