// nil_chan_recv: receiving from a nil channel blocks forever; with nothing else to run, it is a
// deadlock whose header names the nil channel.
// Rule: frames dropped.
package main

var c chan int

func main() {
	println("receiving from nil")
	<-c
}
