// deadlock_main: main receives from a channel no one sends on: every goroutine is asleep,
// which Go reports as a fatal error with exit status 2.
// Rule: frames dropped.
package main

var c = make(chan int)

func main() {
	println("waiting")
	<-c
}
