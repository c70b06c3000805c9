// fanout: the Go program behind runtime-asm/examples/fanout.s: 64 goroutines doing busy work,
// each noting which P ran it; with GOMAXPROCS=4 idle Ps steal, so every P runs some of them.
package main

import (
	"runtime"
	"sync"
	"sync/atomic"
	_ "unsafe" // for go:linkname
)

//go:linkname procPin runtime.procPin
func procPin() int

//go:linkname procUnpin runtime.procUnpin
func procUnpin()

var sink int64

func main() {
	const n = 64
	procs := runtime.GOMAXPROCS(0)
	ran := make([]int32, procs)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			x := int64(i)
			for k := 0; k < 200000; k++ {
				x = x*6364136223846793005 + 1442695040888963407
			}
			atomic.AddInt64(&sink, x)
			p := procPin()
			procUnpin()
			atomic.AddInt32(&ran[p], 1)
		}(i)
	}
	wg.Wait()
	every := true
	for _, c := range ran {
		every = every && c > 0
	}
	println("goroutines:", n)
	println("every P ran work:", every)
}
