// sleep_order: three goroutines sleep 30, 10 and 20 ms and print as they wake: in the order of
// their sleeps, not of their starts. main sleeps longer than all of them, then prints.
package main

import "time"

func sleeper(ms int) {
	time.Sleep(time.Duration(ms) * time.Millisecond)
	println("woke", ms)
}

func main() {
	go sleeper(30)
	go sleeper(10)
	go sleeper(20)
	time.Sleep(50 * time.Millisecond)
	println("main")
}
