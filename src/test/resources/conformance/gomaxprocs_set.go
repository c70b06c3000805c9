// gomaxprocs_set: runtime.GOMAXPROCS(2) returns the old setting and changes it, so a second
// call reports 2. (gmpvm cannot change GOMAXPROCS at run time yet: see docs/conformance.md.)
package main

import "runtime"

func main() {
	old := runtime.GOMAXPROCS(2)
	println("old", old, "now", runtime.GOMAXPROCS(0))
}
