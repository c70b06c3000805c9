// close_drains_buffer: receiving from a closed buffered channel first drains what is buffered
// (ok == true), then gives the zero value with ok == false, again and again.
package main

var c = make(chan int, 4)

func main() {
	c <- 1
	c <- 2
	c <- 3
	close(c)
	for i := 0; i < 5; i++ {
		v, ok := <-c
		println(v, ok)
	}
}
