// A pipeline of buffered and unbuffered channels across goroutines, with range and close.
package main

import "fmt"

func gen(n int) <-chan int {
	out := make(chan int, 16)
	go func() {
		for i := 1; i <= n; i++ {
			out <- i
		}
		close(out)
	}()
	return out
}

func square(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		for v := range in {
			out <- v * v
		}
		close(out)
	}()
	return out
}

func main() {
	sum := 0
	for v := range square(square(gen(100))) {
		sum += v
	}
	fmt.Println("sum of fourth powers 1..100:", sum)
}
