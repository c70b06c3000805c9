# gmpvm debug --batch docs/debugging/chan.gdb runtime-asm/examples/pipeline.s
# main receives from the empty squares channel: chanrecv parks it (gopark, then mcall to g0,
# where park_m sets it waiting with Go's reason "chan receive"). sq parks the same way on nums.
# Then gen's send on nums finds sq in the channel's recvq, hands it the value and readies it
# into its P's runnext, so sq runs next.
break runtime.gopark
continue
bt
print-chan *($sp+16) - hchan_lock
delete
next-switch
break runtime.schedule
continue
info goroutines
delete
break runtime.ready
continue
bt
info goroutines
finish
info ps
delete
next-switch
next-switch
info goroutines
