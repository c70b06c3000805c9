#!/usr/bin/env bash
# Whole-process timings: the same static binaries run natively, under qemu-x86_64 (Debian's
# qemu-user, a JIT) and under gmpvm, in one run on this machine. Prints a Markdown table with
# MIPS and ratios. Usage: [PROGRAMS="intloop dotprod"] benchmarks/whole-process.sh [repetitions]   (default 3; the best time of
# the repetitions is reported, the figure least disturbed by other work on the machine)
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-3}
command -v qemu-x86_64 >/dev/null || bash scripts/install-bench-deps.sh
out=target/bench-programs
mkdir -p "$out"
gcc -O2 -static -nostdlib -o "$out/intloop" benchmarks/programs/intloop.c
gcc -O2 -static -nostdlib -fno-tree-vectorize -o "$out/memcall" benchmarks/programs/memcall.c
gcc -O3 -static -nostdlib -o "$out/dotprod" benchmarks/programs/dotprod.c
gcc -O3 -static -nostdlib -o "$out/vecsum" benchmarks/programs/vecsum.c
# a static Go binary (Go's own runtime), when Go is installed (scripts/install-deps.sh installs it)
if command -v go >/dev/null; then
  (cd benchmarks/programs/gohello && CGO_ENABLED=0 go build -trimpath -o "../../../$out/gohello" .)
fi
[ -f target/gmpvm.jar ] || mvn -q -B -Dstyle.color=never -DskipTests package

best() { sort -n | head -n 1; }
timeit() { # prints seconds for one run of "$@" (exit status ignored: the programs exit with their result)
  local t0 t1
  t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc -l
}
insns() { { java -jar target/gmpvm.jar run --stats "$1" 2>&1 >/dev/null || true; } | sed -n 's/.*: \([0-9]*\) instructions retired.*/\1/p'; }

echo "| program | instructions | native s | qemu-x86_64 s | gmpvm s | gmpvm MIPS | gmpvm / qemu | gmpvm / native |"
echo "|---|---|---|---|---|---|---|---|"
for p in ${PROGRAMS:-intloop memcall dotprod vecsum gohello}; do
  n=$(insns "$out/$p")
  nat=$(for i in $(seq "$reps"); do timeit "$out/$p"; done | best)
  qemu=$(for i in $(seq "$reps"); do timeit qemu-x86_64 "$out/$p"; done | best)
  emu=$(for i in $(seq "$reps"); do timeit java -XX:+UseParallelGC -jar target/gmpvm.jar run "$out/$p"; done | best)
  printf "| %s | %d | %.3f | %.3f | %.3f | %.0f | %.1f× | %.1f× |\n" "$p" "$n" "$nat" "$qemu" "$emu" \
    "$(echo "$n / $emu / 1000000" | bc -l)" "$(echo "$emu / $qemu" | bc -l)" "$(echo "$emu / $nat" | bc -l)"
done
