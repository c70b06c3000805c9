// preempt_spin: a goroutine spins in a loop that calls nothing, and main yields to it. At
// GOMAXPROCS=1 the spinner would keep the only P for good, but sysmon preempts it after 10 ms
// (asynchronously: a SIGURG makes it call asyncPreempt), so main runs again and returns while
// the spinner still spins.
package main

import "runtime"

var spins uint64

func spin() {
	for {
		spins++
	}
}

func main() {
	go spin()
	runtime.Gosched()
	println("main: back after the spinner was preempted")
}
