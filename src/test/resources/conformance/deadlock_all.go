// deadlock_all: main waits to receive, one goroutine waits to send on another channel and one
// to receive on a third: the fatal error lists every goroutine with its wait reason.
// Rule: frames dropped.
package main

import "runtime"

var a = make(chan int)
var b = make(chan int)
var c = make(chan int)

func sender()   { b <- 1 }
func receiver() { <-c }

func main() {
	go sender()
	go receiver()
	runtime.Gosched()
	<-a
}
