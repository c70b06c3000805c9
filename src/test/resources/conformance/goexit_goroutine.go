// goexit_goroutine: runtime.Goexit ends the calling goroutine at once (nothing after it runs);
// main goes on, and the goroutine no longer counts.
package main

import "runtime"

func g() {
	println("g: exiting")
	runtime.Goexit()
	println("g: never")
}

func main() {
	go g()
	println("before", runtime.NumGoroutine())
	runtime.Gosched()
	println("after", runtime.NumGoroutine())
}
