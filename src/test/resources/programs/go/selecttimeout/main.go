// select with time.After, a default case and a closed channel.
package main

import (
	"fmt"
	"time"
)

func main() {
	c := make(chan int)
	select {
	case v := <-c:
		fmt.Println("unexpected", v)
	case <-time.After(15 * time.Millisecond):
		fmt.Println("timed out")
	}
	select {
	case c <- 1:
		fmt.Println("unexpected send")
	default:
		fmt.Println("would block")
	}
	go func() { time.Sleep(5 * time.Millisecond); c <- 7 }()
	select {
	case v := <-c:
		fmt.Println("received", v)
	case <-time.After(time.Second):
		fmt.Println("too slow")
	}
	close(c)
	v, ok := <-c
	fmt.Println("closed:", v, ok)
}
