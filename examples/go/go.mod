module gmpvm/examples

go 1.19
