// main_returns: the program ends when main returns, whatever its goroutines are doing: one
// blocked, one runnable that never ran. Exit status 0, and nothing from them printed.
package main

import "runtime"

var c = make(chan int)

func blocked() {
	println("blocked: waiting")
	<-c
	println("blocked: never")
}
func late() { println("late: never") }

func main() {
	go blocked()
	runtime.Gosched()
	go late()
	println("main: returning")
}
