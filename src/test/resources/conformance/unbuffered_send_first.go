// unbuffered_send_first: the sender parks first; main's receive takes the value from the parked
// sender and readies it, so "received" comes before the sender's "sent".
package main

import "runtime"

var c = make(chan int)

func send() {
	println("send: sending")
	c <- 7
	println("send: sent")
}

func main() {
	go send()
	runtime.Gosched()
	println("main: receive")
	v := <-c
	println("main: received", v)
	runtime.Gosched()
	println("main: end")
}
