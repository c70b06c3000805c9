// Goroutines sleeping different times wake in order of their deadlines (50 ms apart, so that
// a loaded host still wakes them in order natively).
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
	for _, ms := range []int{250, 50, 200, 100, 150} {
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
	fmt.Println("took at least 250ms:", time.Since(start) >= 250*time.Millisecond)
}
