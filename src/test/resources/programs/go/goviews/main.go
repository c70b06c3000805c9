// goviews: goroutines parked for different reasons, then Go's own account of them (the
// headers of runtime.Stack for all goroutines), then a call to checkpoint, where a debugger
// stops to compare its goroutine view with what Go printed.
package main

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
)

//go:noinline
func checkpoint(n int) int {
	return n + 1
}

func main() {
	never := make(chan int)
	full := make(chan int)
	other := make(chan int)
	var mu sync.Mutex
	mu.Lock()
	var wg sync.WaitGroup
	wg.Add(1)
	started := make(chan bool)
	go func() { started <- true; <-never }()
	go func() { started <- true; full <- 1 }()
	go func() {
		started <- true
		select {
		case <-never:
		case <-other:
		}
	}()
	go func() { started <- true; time.Sleep(time.Hour) }()
	go func() { started <- true; mu.Lock() }()
	go func() { started <- true; wg.Wait() }()
	for i := 0; i < 6; i++ {
		<-started
	}
	time.Sleep(20 * time.Millisecond) // every one of them is parked by now

	buf := make([]byte, 1<<16)
	n := runtime.Stack(buf, true)
	var heads []string
	for _, line := range strings.Split(string(buf[:n]), "\n") {
		if strings.HasPrefix(line, "goroutine ") {
			heads = append(heads, line)
		}
	}
	os.Stdout.WriteString(strings.Join(heads, "\n") + "\n" + "goroutines " + strconv.Itoa(len(heads)) + "\n")
	checkpoint(n)
	os.Exit(0)
}
