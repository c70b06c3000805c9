// deadlock_reuse_order: three goroutines exit (in the order 7, 5, 6), and four new ones then
// block for good. The first three reuse the dead goroutines' structures, last freed first
// (each P's free list is a stack), so they keep those structures' places in the list of all
// goroutines, which is the order a deadlock report follows: 1, 9, 8, 10, 11.
// Rule: frames dropped.
package main

import "runtime"

var c = make(chan int)

func quick()   {}
func blocked() { <-c }

func main() {
	go quick()
	go quick()
	go quick()
	runtime.Gosched()
	for i := 0; i < 4; i++ {
		go blocked()
	}
	runtime.Gosched()
	<-c
}
