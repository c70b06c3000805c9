# gmpvm debug --batch docs/debugging/help.gdb runtime-asm/examples/hello.s
# Every command, as help lists them.
help
