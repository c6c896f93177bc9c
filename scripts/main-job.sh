#!/usr/bin/env bash
# The main job on the bundled data: forecast every bundled KPI to the financial year-end.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product kpi-forecast >&2
mkdir -p out
.build/release/kpi-forecast forecast notebooks-data/bcp-kpis.csv --to-year-end --catalogue models "$@"
