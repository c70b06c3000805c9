// pingpong: two goroutines bounce a counter over two unbuffered channels; every message hands
// control to the other side.
package main

var ping = make(chan int)
var pong = make(chan int)

func ponger() {
	for {
		v := <-ping
		println("pong", v)
		pong <- v + 1
	}
}

func main() {
	go ponger()
	v := 0
	for i := 0; i < 3; i++ {
		println("ping", v)
		ping <- v
		v = <-pong
	}
	println("final", v)
}
