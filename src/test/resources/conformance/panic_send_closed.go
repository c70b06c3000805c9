// panic_send_closed: sending on a closed channel panics.
// Rule: frames dropped.
package main

var c = make(chan int, 1)

func main() {
	close(c)
	println("closed")
	c <- 1
}
