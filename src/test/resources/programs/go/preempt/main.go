// At GOMAXPROCS=1 a goroutine spinning in a loop without calls is preempted asynchronously
// (SIGURG), so main, which sleeps, gets to run and finish.
package main

import (
	"fmt"
	"runtime"
	"time"
)

var spins uint64

func spin() {
	for {
		spins++
	}
}

func main() {
	runtime.GOMAXPROCS(1)
	go spin()
	time.Sleep(30 * time.Millisecond)
	fmt.Println("main ran again; spinner ran:", spins > 0)
}
