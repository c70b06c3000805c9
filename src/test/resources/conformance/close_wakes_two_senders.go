// close_wakes_two_senders: two senders park on a channel (goroutine 6 first, then 5); close
// readies them in reverse order of parking, so goroutine 6, readied last, runs first (runnext)
// and its panic is the one reported.
// Rule: frames dropped.
package main

import "runtime"

var c = make(chan int)

func s(i int) {
	println("s", i, "sending")
	c <- i
}

func main() {
	go s(1)
	go s(2)
	runtime.Gosched()
	println("main: closing")
	close(c)
	runtime.Gosched()
	println("main: not reached")
}
