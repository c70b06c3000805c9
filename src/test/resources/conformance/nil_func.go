// nil_func: `go f()` with a nil func value is a fatal error (not a panic).
// Rule: frames dropped.
package main

var f func()

func main() {
	println("before")
	go f()
	println("not reached")
}
