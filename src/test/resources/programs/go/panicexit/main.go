// An unrecovered panic in a goroutine: Go's message and exit status 2.
package main

import (
	"fmt"
	"os"
)

type myErr struct{ code int }

func (e myErr) Error() string { return fmt.Sprint("my error ", e.code) }

func main() {
	fmt.Fprintln(os.Stderr, "about to panic")
	done := make(chan bool)
	go func() {
		defer close(done)
		panic(myErr{42})
	}()
	<-done
	select {}
}
