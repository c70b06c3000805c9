// sleep_deadlock: main sleeps, then receives from a channel no one sends on. While its timer
// is pending, nothing is deadlocked (every goroutine is asleep, but a timer will wake one);
// once it has fired and main blocks for good, Go reports the deadlock.
// Rule: frames dropped.
package main

import "time"

var c = make(chan int)

func main() {
	time.Sleep(10 * time.Millisecond)
	println("slept")
	<-c
}
