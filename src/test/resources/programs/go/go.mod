module gmpvm/gotests

go 1.19
