// deadlock_send_main: main sends on a full buffered channel with no receiver: a deadlock
// reported as "chan send".
// Rule: frames dropped.
package main

var c = make(chan int, 1)

func main() {
	c <- 1
	println("one buffered")
	c <- 2
}
