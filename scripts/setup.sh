#!/usr/bin/env bash
# Installs what the build and the tests need on a fresh Debian machine with the Swift toolchain,
# each only when missing (idempotent): LAPACKE (liblapacke-dev) and SQLite headers
# (libsqlite3-dev, for GRDB) through apt; headless Chromium and its driver (chromium,
# chromium-driver, fonts-dejavu-core) through apt for the committee pack's and the workshop
# page's browser tests, and selenium through pip.
set -euo pipefail
missing=()
if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists lapacke; then missing+=(liblapacke-dev pkg-config); fi
if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists sqlite3; then missing+=(libsqlite3-dev pkg-config); fi
if ! command -v chromium >/dev/null 2>&1; then missing+=(chromium fonts-dejavu-core); fi
if ! command -v chromedriver >/dev/null 2>&1; then missing+=(chromium-driver); fi
if ! command -v python3 >/dev/null 2>&1; then missing+=(python3 python3-pip); fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]} through apt" >&2
  SUDO=""
  if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! python3 -c "import selenium" >/dev/null 2>&1; then
  echo "setup: installing selenium through pip" >&2
  python3 -m pip install --quiet selenium
fi
pkg-config --exists lapacke
pkg-config --exists sqlite3
command -v chromium >/dev/null
