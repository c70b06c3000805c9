// fmt and strconv with floating point in every verb; math functions.
package main

import (
	"fmt"
	"math"
	"strconv"
)

func main() {
	for _, x := range []float64{0, 1.5, -2.25, math.Pi, 1e-7, 6.02214076e23, math.Inf(1), math.NaN(), math.MaxFloat64, 5e-324} {
		fmt.Printf("%v %g %e %.3f %8.2f %x %s\n", x, x, x, x, x, x, strconv.FormatFloat(x, 'f', -1, 64))
	}
	fmt.Println(math.Sqrt(2), math.Exp(1), math.Log(10), math.Sin(1), math.Pow(2, 0.5), math.Floor(-1.5), math.Trunc(2.7))
	f, err := strconv.ParseFloat("3.14159e-2", 64)
	fmt.Println(f, err, float32(f), int64(f*1e9))
	var s float32 = 0.1
	fmt.Println(s*3, float64(s)*3, uint64(math.MaxUint32)*3/7)
}
