// panic_close_closed: closing a channel twice panics.
// Rule: frames dropped.
package main

var c = make(chan int)

func main() {
	close(c)
	println("closed once")
	close(c)
}
