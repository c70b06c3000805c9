// buffered_direct_handoff: two receivers park on an empty buffered channel. main's first two
// sends go straight to them (the buffer stays empty); the next two are buffered and received
// later, in order.
package main

import "runtime"

var c = make(chan int, 2)
var done = make(chan int)

func r(i int) {
	v := <-c
	println("r", i, "got", v)
	done <- 0
}

func main() {
	go r(1)
	go r(2)
	runtime.Gosched()
	for i := 1; i <= 4; i++ {
		c <- i * 10
		println("sent", i*10)
	}
	<-done
	<-done
	println("buffered:", <-c, <-c)
}
