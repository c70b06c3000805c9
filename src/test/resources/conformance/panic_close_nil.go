// panic_close_nil: closing a nil channel panics.
// Rule: frames dropped.
package main

var c chan int

func main() {
	println("closing nil")
	close(c)
}
