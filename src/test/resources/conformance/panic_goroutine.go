// panic_goroutine: a goroutine panics (closing a nil channel) while main is blocked. Go prints
// only the panicking goroutine's header, and the whole program exits with status 2.
// Rule: frames dropped.
package main

import "runtime"

var c chan int
var d = make(chan int)

func bad() {
	println("bad: closing nil")
	close(c)
}

func main() {
	go bad()
	runtime.Gosched()
	println("main: waiting")
	<-d
}
