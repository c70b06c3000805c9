// buffered_order: a buffered channel is a FIFO queue: three sends fill it without blocking and
// three receives take the values back in order.
package main

var c = make(chan int, 3)

func main() {
	c <- 10
	c <- 20
	c <- 30
	println("sent 3")
	println(<-c)
	println(<-c)
	println(<-c)
}
