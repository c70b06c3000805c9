// defer order, recover from a panic and from a run-time error, a re-panic caught higher up.
package main

import "fmt"

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return a / b, nil
}

func nested() (msg string) {
	defer func() { msg = fmt.Sprint("outer caught: ", recover()) }()
	func() {
		defer func() {
			r := recover()
			panic(fmt.Sprint("again after ", r))
		}()
		panic("first")
	}()
	return "unreachable"
}

func main() {
	for i := 0; i < 3; i++ {
		defer fmt.Println("deferred", i)
	}
	fmt.Println(safeDiv(7, 2))
	fmt.Println(safeDiv(1, 0))
	fmt.Println(nested())
	var m map[string]int
	func() {
		defer func() { fmt.Println("nil map write:", recover()) }()
		m["x"] = 1
	}()
}
