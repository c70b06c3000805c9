#!/usr/bin/env bash
# The debugger's `continue` with nothing armed against `run`, whole process: the same static
# binary (the 900-million-instruction integer loop of whole-process.sh) and the pingpong example,
# best of N runs each. Prints a Markdown table. Usage: benchmarks/debug-vs-run.sh [repetitions]
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-3}
out=target/bench-programs
mkdir -p "$out"
gcc -O2 -static -nostdlib -o "$out/intloop" benchmarks/programs/intloop.c
[ -f target/gmpvm.jar ] || mvn -q -B -Dstyle.color=never -DskipTests package
gmpvm=(java -XX:+UseParallelGC -Xss16m -jar target/gmpvm.jar)

best() { sort -n | head -n 1; }
timeit() { # seconds for one run of "$@" (exit status ignored: intloop exits with its result)
  local t0 t1
  t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc -l
}
insns() { { "${gmpvm[@]}" run --stats "$@" 2>&1 >/dev/null || true; } | sed -n 's/.*: \([0-9]*\) instructions retired.*/\1/p'; }

echo "| program | instructions | run s | run MIPS | debug continue s | debug MIPS | debug / run speed |"
echo "|---|---|---|---|---|---|---|"
for p in "$out/intloop" runtime-asm/examples/pingpong.s; do
  n=$(insns "$p")
  r=$(for i in $(seq "$reps"); do timeit "${gmpvm[@]}" run "$p"; done | best)
  d=$(for i in $(seq "$reps"); do timeit "${gmpvm[@]}" debug -ex continue "$p"; done | best)
  printf "| %s | %d | %.2f | %.0f | %.2f | %.0f | %.0f%% |\n" "$(basename "$p")" "$n" "$r" "$(echo "$n / $r / 1000000" | bc -l)" \
    "$d" "$(echo "$n / $d / 1000000" | bc -l)" "$(echo "100 * $r / $d" | bc -l)"
done
