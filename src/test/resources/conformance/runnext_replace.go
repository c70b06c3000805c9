// runnext_replace: go A; go B; Gosched. B took runnext from A, which moved to the local queue,
// so B runs first, then A, then main (from the global queue).
package main

import "runtime"

func a() { println("A") }
func b() { println("B") }

func main() {
	go a()
	go b()
	runtime.Gosched()
	println("main")
}
