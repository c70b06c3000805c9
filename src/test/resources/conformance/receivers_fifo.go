// receivers_fifo: five goroutines block receiving on one unbuffered channel; main sends 1..5.
// Receivers are served first in, first out; each readied receiver takes runnext, pushing the
// previous one to the local queue.
package main

import "runtime"

var c = make(chan int)
var done = make(chan int)

func r(i int) {
	v := <-c
	println("r", i, "got", v)
	done <- 0
}

func main() {
	for i := 1; i <= 5; i++ {
		go r(i)
	}
	runtime.Gosched()
	for i := 1; i <= 5; i++ {
		c <- i
	}
	println("main: sent all")
	for i := 0; i < 5; i++ {
		<-done
	}
}
