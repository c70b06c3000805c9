#!/usr/bin/env bash
# Draws the scheduler pictures of the docs: for each line of docs/images/pictures.tsv, runs the
# example (runtime-asm/examples/NAME.s, or go/NAME: examples/go/NAME built by Go) with --trace and draws docs/images/NAME.svg with `gmpvm trace svg`. Runs are
# deterministic, so the pictures only change when the runtime or the drawing does
# (TracePicturesTest fails until this script is run again).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# programs are named relative to the checkout, as TracePicturesTest names them: the path is the
# program's argv[0], which Go's runtime copies, so its length shifts a Go run's timings
cd "$here"
built_go=
while IFS=$'\t' read -r name example runopts svgopts title; do
  case "$name" in ''|'#'*) continue ;; esac
  case "$example" in
    go/*) # a Go example (examples/go/NAME) built by Go's toolchain, run with Go's own runtime
      if [ -z "$built_go" ]; then "$here/scripts/build-go-examples.sh" >/dev/null; built_go=1; fi
      program="target/go-examples/${example#go/}" ;;
    *) program="runtime-asm/examples/$example" ;;
  esac
  # shellcheck disable=SC2086 # the option columns are word lists
  "$here/gmpvm" run $runopts --trace "$tmp/$name.json" "$program" >/dev/null 2>&1
  # shellcheck disable=SC2086
  "$here/gmpvm" trace svg "$tmp/$name.json" -o "$here/docs/images/$name.svg" $svgopts --title "$title"
  echo "docs/images/$name.svg"
done < "$here/docs/images/pictures.tsv"
