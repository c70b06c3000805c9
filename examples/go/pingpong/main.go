// pingpong: the Go program behind runtime-asm/examples/pingpong.s: 10,000 round trips on
// unbuffered channels; every message is a hand-off between goroutines.
package main

func main() {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for i := range ping {
			pong <- i + 1
		}
	}()
	sum := 0
	for i := 0; i < 10000; i++ {
		ping <- i
		sum += <-pong
	}
	println("round trips", 10000, "sum", sum)
}
