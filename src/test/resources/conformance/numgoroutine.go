// numgoroutine: runtime.NumGoroutine counts main and the goroutines not yet finished (runnable
// or blocked), but not the runtime's own; it drops as goroutines exit.
package main

import "runtime"

var c = make(chan int)

func blocked() { <-c }
func quick()   {}

func main() {
	println("start", runtime.NumGoroutine())
	go quick()
	go quick()
	go blocked()
	println("made 3", runtime.NumGoroutine())
	runtime.Gosched()
	println("quick ones done", runtime.NumGoroutine())
	c <- 1
	runtime.Gosched()
	println("all done", runtime.NumGoroutine())
}
