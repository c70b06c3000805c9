// goexit_main: main calls runtime.Goexit; the other goroutine still runs to its end; then no
// goroutine is left and the runtime reports it.
// Rule: frames dropped.
package main

import "runtime"

func g() {
	println("g: running")
	runtime.Gosched()
	println("g: done")
}

func main() {
	go g()
	println("main: goexit")
	runtime.Goexit()
}
