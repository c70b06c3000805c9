// fairness61: a goroutine that yields in a loop waits on the global run queue while 200 fresh
// goroutines wait on the local one. Every 61st schedtick the scheduler takes the global queue
// first, so the yielder gets its turns while workers are still waiting, instead of only after
// all of them. (Go's exact tick count at main.main varies from run to run with the start-up's
// thread hand-offs, so the program prints what every run agrees on, not worker counts.)
package main

import "runtime"

var n int
var turns [4]int
var done = make(chan int)

func worker() { n++ }

func yielder() {
	for i := 0; i < 4; i++ {
		turns[i] = n
		runtime.Gosched()
	}
	done <- 0
}

func main() {
	go yielder()
	runtime.Gosched()
	for i := 0; i < 200; i++ {
		go worker()
	}
	<-done
	println("yielder's 4th turn came while workers waited:", turns[3] < 200)
	for n < 200 {
		runtime.Gosched()
	}
	println("workers run:", n)
}
