// deadlock_main: main receives from a channel no one sends on. Rule: frames dropped (Go
// prints stack frames under each goroutine header; gmpvm prints the headers only).
package main

var c = make(chan int)

func main() {
	println("waiting")
	<-c
}
