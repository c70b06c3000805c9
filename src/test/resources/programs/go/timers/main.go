// time.Timer, time.Ticker, time.AfterFunc and Stop/Reset.
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(20 * time.Millisecond)
	<-t.C
	fmt.Println("timer fired")
	tk := time.NewTicker(5 * time.Millisecond)
	n := 0
	for range tk.C {
		n++
		if n == 4 {
			break
		}
	}
	tk.Stop()
	fmt.Println("ticks:", n)
	done := make(chan string)
	time.AfterFunc(10*time.Millisecond, func() { done <- "afterfunc ran" })
	fmt.Println(<-done)
	s := time.NewTimer(time.Hour)
	fmt.Println("stopped before firing:", s.Stop())
	s.Reset(time.Millisecond)
	<-s.C
	fmt.Println("reset timer fired")
}
