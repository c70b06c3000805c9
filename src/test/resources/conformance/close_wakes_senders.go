// close_wakes_senders: a sender parked on a channel is woken by close and panics.
// Rule: frames dropped.
package main

import "runtime"

var c = make(chan int)

func s() {
	println("s: sending")
	c <- 1
}

func main() {
	go s()
	runtime.Gosched()
	println("main: closing")
	close(c)
	runtime.Gosched()
	println("main: not reached")
}
