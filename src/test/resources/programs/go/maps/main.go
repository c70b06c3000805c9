// Maps grow, are iterated (sorted for a stable output) and deleted from.
package main

import (
	"fmt"
	"sort"
	"strconv"
)

func main() {
	m := map[string]int{}
	for i := 0; i < 5000; i++ {
		m["k"+strconv.Itoa(i)] = i * i
	}
	for i := 0; i < 5000; i += 2 {
		delete(m, "k"+strconv.Itoa(i))
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println(len(m), keys[:3], m["k4999"])
}
