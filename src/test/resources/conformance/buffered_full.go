// buffered_full: a sender fills a channel of capacity 2 and parks on the third send. Each
// receive from the full buffer takes its head and moves the parked sender's value to its tail,
// readying the sender.
package main

import "runtime"

var c = make(chan int, 2)

func send() {
	for i := 1; i <= 5; i++ {
		println("send", i)
		c <- i
	}
	println("sender done")
}

func main() {
	go send()
	runtime.Gosched()
	for i := 0; i < 5; i++ {
		println("recv", <-c)
	}
}
