// Allocation heavy enough for several garbage collections; live data survives them.
package main

import (
	"fmt"
	"runtime"
)

type node struct {
	next *node
	buf  [64]byte
	v    int
}

func main() {
	var keep *node
	for i := 0; i < 100000; i++ {
		n := &node{v: i}
		if i%1000 == 0 {
			n.next = keep
			keep = n
		}
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	sum, count := 0, 0
	for n := keep; n != nil; n = n.next {
		sum += n.v
		count++
	}
	fmt.Println("kept", count, "sum", sum)
	fmt.Println("collected at least twice:", ms.NumGC >= 2)
}
