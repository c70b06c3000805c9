// Goroutines sleeping different times wake in order of their deadlines.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	var order []int
	var wg sync.WaitGroup
	for _, ms := range []int{50, 10, 40, 20, 30} {
		wg.Add(1)
		go func(ms int) {
			defer wg.Done()
			time.Sleep(time.Duration(ms) * time.Millisecond)
			mu.Lock()
			order = append(order, ms)
			mu.Unlock()
		}(ms)
	}
	start := time.Now()
	wg.Wait()
	fmt.Println("order:", order)
	fmt.Println("took at least 50ms:", time.Since(start) >= 50*time.Millisecond)
}
