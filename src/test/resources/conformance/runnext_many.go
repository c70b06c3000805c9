// runnext_many: four go statements in a row, then one Gosched. The last goroutine made holds
// runnext and runs first; the ones it displaced run in the order they were made.
package main

import "runtime"

func g(i int) { println("g", i) }

func main() {
	for i := 1; i <= 4; i++ {
		go g(i)
	}
	runtime.Gosched()
	println("main")
}
