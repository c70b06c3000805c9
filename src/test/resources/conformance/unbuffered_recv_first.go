// unbuffered_recv_first: the receiver parks first; main's send hands the value straight to it
// and carries on without blocking, so "sent" comes before "got".
package main

import "runtime"

var c = make(chan int)

func recv() {
	println("recv: waiting")
	v := <-c
	println("recv: got", v)
}

func main() {
	go recv()
	runtime.Gosched()
	println("main: send")
	c <- 42
	println("main: sent")
	runtime.Gosched()
	println("main: end")
}
