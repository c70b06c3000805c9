// gomaxprocs_set: runtime.GOMAXPROCS(2) returns the old setting and changes it (stopping the
// world), so a second call reports 2.
package main

import "runtime"

func main() {
	old := runtime.GOMAXPROCS(2)
	println("old", old, "now", runtime.GOMAXPROCS(0))
}
