// deadlock_goids: three goroutines run and exit, then a fourth blocks. Goroutine ids are never
// reused even when the goroutine structures are: the blocked one is goroutine 8, which the
// deadlock report shows.
// Rule: frames dropped.
package main

import "runtime"

var c = make(chan int)

func quick()   {}
func blocked() { c <- 1 }

func main() {
	go quick()
	go quick()
	go quick()
	runtime.Gosched()
	go blocked()
	runtime.Gosched()
	var d chan int
	d <- 1
}
