// print_formats: the print builtins' formats, which the other programs rely on: println puts
// spaces between operands and a newline after them, print puts neither; ints in decimal with
// their sign (the extremes too), unsigned ints, bools, empty strings.
package main

var min int64 = -9223372036854775808
var max int64 = 9223372036854775807
var umax uint64 = 18446744073709551615

func main() {
	println(min, max, -1, 0)
	println(umax, true, false)
	print("a", 1, "b", false, "\n")
	println("", "x", "")
	println()
}
