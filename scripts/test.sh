#!/usr/bin/env bash
# The whole test suite from a clean clone: installs what it needs (scripts/setup.sh), builds,
# drives the workshop page in headless Chromium (scripts/workshop_test.py), then runs every
# Swift test. Any failure stops the run with a non-zero exit.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build --build-tests
python3 scripts/workshop_test.py .build/debug/kpi-forecast
swift test --skip-build
