// deep_recursion: a recursion 1000 calls deep needs far more than a goroutine's first 2 KiB of
// stack; Go grows the stack and goes on, and so does gmpvm (morestack, newstack, copystack).
// Rule: frames dropped.
package main

func sum(n int) int {
	if n == 0 {
		return 0
	}
	return n + sum(n-1)
}

func main() {
	println("sum", sum(1000))
}
