// gosched_yield: main starts f and yields once. f was put in runnext, so it runs while main
// waits on the global queue; main then comes back. Go 1.19: yield, f, back.
package main

import "runtime"

func f() {
	println("f: running")
}

func main() {
	go f()
	println("main: yield")
	runtime.Gosched()
	println("main: back")
}
