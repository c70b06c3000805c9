// gomaxprocs: runtime.GOMAXPROCS(0) reports the number of Ps without changing it: 1 here, as
// the environment's GOMAXPROCS=1 asks.
package main

import "runtime"

func main() {
	println("gomaxprocs", runtime.GOMAXPROCS(0))
	println("goroutines", runtime.NumGoroutine())
}
