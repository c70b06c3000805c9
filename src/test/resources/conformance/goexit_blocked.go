// goexit_blocked: main calls runtime.Goexit while another goroutine is blocked for good. That
// is a deadlock, not "no goroutines": the report lists the blocked goroutine only.
// Rule: frames dropped.
package main

import "runtime"

var c = make(chan int)

func waiter() {
	println("waiter: waiting")
	<-c
}

func main() {
	go waiter()
	runtime.Gosched()
	println("main: goexit")
	runtime.Goexit()
}
