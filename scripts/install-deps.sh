#!/usr/bin/env bash
# Installs the tools the build and the test suite use when they are missing: a JDK 17 and Maven,
# gcc and GNU binutils (native oracles for the CPU tests), gdb, Chromium and its driver (the HTML timeline's browser test), and Go's toolchain (an oracle
# for the assembler, and Go 1.19 builds the conformance corpus's Go programs). Benchmarks add qemu-user
# (scripts/install-bench-deps.sh).
set -euo pipefail
need=()
command -v java >/dev/null || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || need+=(maven)
command -v gcc >/dev/null || need+=(gcc)
command -v as >/dev/null || need+=(binutils)
command -v objdump >/dev/null || need+=(binutils)
command -v gdb >/dev/null || need+=(gdb)
# Go's own assembler: the asm tests compare our encodings with `go tool asm` on the same sources
command -v go >/dev/null || need+=(golang-go)
# the HTML timeline is tested in a real browser: headless Chromium driven by Selenium's chromedriver
command -v chromium >/dev/null || need+=(chromium)
command -v chromedriver >/dev/null || need+=(chromium-driver)
# static linking needs the C library's static archive
[ -f /usr/lib/x86_64-linux-gnu/libc.a ] || need+=(libc6-dev)
if [ ${#need[@]} -gt 0 ]; then
  echo "install-deps: installing ${need[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${need[@]}"
fi
