#!/usr/bin/env bash
# Installs what the build and the tests need on a fresh Debian machine with the Swift toolchain:
# LAPACKE (liblapacke-dev) when pkg-config cannot find it, and Debian's chromium (the committee
# pack's browser test, scripts/browser_check.py) when it is missing. Idempotent.
set -euo pipefail
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
updated=0
apt_install() {
  if [ "$updated" = 0 ]; then $SUDO apt-get update -qq; updated=1; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists lapacke; then
  echo "setup: installing liblapacke-dev (LAPACKE not found by pkg-config)" >&2
  apt_install liblapacke-dev pkg-config
fi
if ! command -v chromium >/dev/null 2>&1; then
  echo "setup: installing chromium (headless browser test of the committee pack)" >&2
  apt_install chromium fonts-dejavu-core
fi
if ! command -v python3 >/dev/null 2>&1; then
  echo "setup: installing python3 (browser test driver)" >&2
  apt_install python3
fi
pkg-config --exists lapacke
command -v chromium >/dev/null
