#!/usr/bin/env bash
# Draws the scheduler pictures of the docs: for each line of docs/images/pictures.tsv, runs the
# example with --trace and draws docs/images/NAME.svg with `gmpvm trace svg`. Runs are
# deterministic, so the pictures only change when the runtime or the drawing does
# (TracePicturesTest fails until this script is run again).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
while IFS=$'\t' read -r name example runopts svgopts title; do
  case "$name" in ''|'#'*) continue ;; esac
  # shellcheck disable=SC2086 # the option columns are word lists
  "$here/gmpvm" run $runopts --trace "$tmp/$name.json" "$here/runtime-asm/examples/$example" >/dev/null 2>&1
  # shellcheck disable=SC2086
  "$here/gmpvm" trace svg "$tmp/$name.json" -o "$here/docs/images/$name.svg" $svgopts --title "$title"
  echo "docs/images/$name.svg"
done < "$here/docs/images/pictures.tsv"
