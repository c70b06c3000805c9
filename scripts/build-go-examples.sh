#!/usr/bin/env bash
# Builds the Go programs in examples/go/ (the mini runtime's examples written in Go) as static
# binaries for gmpvm to run with Go's own runtime: target/go-examples/NAME. Needs Go (installed
# by scripts/install-deps.sh); CGO is off so that every binary is static.
set -euo pipefail
cd "$(dirname "$0")/../examples/go"
out=../../target/go-examples
mkdir -p "$out"
for dir in */; do
  name=${dir%/}
  CGO_ENABLED=0 GOFLAGS=-mod=mod go build -trimpath -o "$out/$name" "./$name"
done
echo "built: $(ls "$out" | tr '\n' ' ')"
