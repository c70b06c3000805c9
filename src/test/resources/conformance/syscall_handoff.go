// syscall_handoff: a goroutine sleeps 20 ms in nanosleep through syscall.Syscall. Its P waits
// in _Psyscall; sysmon sees main waiting for a P and hands the sleeper's P to another thread,
// so main runs while the sleeper is still in the call. A failing call returns r1 = -1 and the
// errno (EFAULT for a bad address).
package main

import (
	"runtime"
	"syscall"
	"unsafe"
)

var insyscall, done int

func sleeper() {
	ts := syscall.Timespec{Nsec: 20000000}
	insyscall = 1
	r1, _, _ := syscall.Syscall(syscall.SYS_NANOSLEEP, uintptr(unsafe.Pointer(&ts)), 0, 0)
	insyscall = 0
	println("sleeper: nanosleep(20 ms) = r1", r1)
	r1, _, e := syscall.Syscall(syscall.SYS_NANOSLEEP, 1, 0, 0)
	println("sleeper: bad call:", int(r1), "err", int(e))
	done = 1
}

func main() {
	go sleeper()
	for insyscall == 0 {
		runtime.Gosched()
	}
	println("main: running while the sleeper is asleep")
	for done == 0 {
		runtime.Gosched()
	}
	println("main: done")
}
