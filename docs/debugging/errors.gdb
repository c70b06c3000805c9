# gmpvm debug --batch docs/debugging/errors.gdb runtime-asm/examples/hello.s
# Mistakes cost one line each; the session goes on.
frobnicate
break nosuch.function
break nosuch.s:12
break hello.s:9999
x/4gx 0
x/4q $sp
info registers xyz
thread 7
print $nosuch
watch 0
catch syscall nosuchcall
delete 42
goroutine 99 bt
stepi 0
info goroutines
break main.main
run
list
info registers rip
x/s hello<>
x/8bx $sp
display/i $pc
stepi 2
continue
info threads
stepi
