# gmpvm debug --batch docs/debugging/reverse.gdb runtime-asm/examples/yield.s
# Going back: each reverse command replays the run from its start to an earlier instruction
# count. The program's output is printed once, however often the run is replayed.
break main.worker
continue
continue
stepi 3
reverse-stepi
reverse-finish
reverse-continue
reverse-continue
delete
continue
reverse-stepi
continue
