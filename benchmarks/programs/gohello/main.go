// gohello: Go's hello world with fmt, the whole-process figure for a static Go binary (Go's own
// runtime starting up: its heap, Ms, sysmon, GC workers, then fmt.Println).
package main

import "fmt"

func main() {
	fmt.Println("hello, world")
}
