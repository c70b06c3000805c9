// nil_chan_send: a goroutine sending on a nil channel blocks forever; main then blocks too.
// Rule: frames dropped.
package main

import "runtime"

var c chan int
var d = make(chan int)

func s() { c <- 1 }

func main() {
	go s()
	runtime.Gosched()
	<-d
}
