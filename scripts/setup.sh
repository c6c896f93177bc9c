#!/usr/bin/env bash
# Installs what the build needs on a fresh Debian machine with the Swift toolchain:
# LAPACKE (liblapacke-dev) through apt when pkg-config cannot find it. Idempotent.
set -euo pipefail
if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists lapacke; then
  echo "setup: installing liblapacke-dev (LAPACKE not found by pkg-config)" >&2
  SUDO=""
  if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends liblapacke-dev pkg-config >/dev/null
fi
pkg-config --exists lapacke
