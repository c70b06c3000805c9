// sync.Mutex, sync.WaitGroup, sync.Once and atomic counters under contention.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	var once sync.Once
	var inits, atomicSum int64
	total := 0
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			once.Do(func() { atomic.AddInt64(&inits, 1) })
			for i := 0; i < 1000; i++ {
				mu.Lock()
				total += g
				mu.Unlock()
				atomic.AddInt64(&atomicSum, 1)
			}
		}(g)
	}
	wg.Wait()
	fmt.Println("total", total, "atomic", atomicSum, "once", inits)
}
