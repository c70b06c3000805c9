// senders_fifo: five goroutines block sending on one unbuffered channel. They park in the order
// they ran (runnext's 5 first, then 1..4) and are served first in, first out.
package main

import "runtime"

var c = make(chan int)

func s(i int) {
	c <- i
}

func main() {
	for i := 1; i <= 5; i++ {
		go s(i)
	}
	runtime.Gosched()
	for i := 0; i < 5; i++ {
		println("got", <-c)
	}
}
