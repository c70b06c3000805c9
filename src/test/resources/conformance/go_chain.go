// go_chain: each goroutine starts the next before printing its own end. The child waits in
// runnext until its parent has finished, so each "end" comes before the child's "start".
package main

var done = make(chan int)

func link(i int) {
	println("start", i)
	if i < 4 {
		go link(i + 1)
	} else {
		done <- i
	}
	println("end", i)
}

func main() {
	go link(1)
	println("main got", <-done)
}
