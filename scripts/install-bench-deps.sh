#!/usr/bin/env bash
# Installs what the benchmarks compare against: qemu-user (qemu-x86_64) and bc for the arithmetic.
set -euo pipefail
need=()
command -v qemu-x86_64 >/dev/null || need+=(qemu-user)
command -v bc >/dev/null || need+=(bc)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${need[@]}"
fi
