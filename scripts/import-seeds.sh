#!/usr/bin/env bash
# Imports the seed scorecards (000-004) into tidy files with the KPI catalogue, and refreshes the
# bundled notebooks-data/bcp-kpis.csv (the authority's outturns) from them.
#   scripts/import-seeds.sh [SEEDS_DIR] [OUT_DIR]
# SEEDS_DIR defaults to <repo>/../shared/seeds (or, in a git worktree, the main checkout's ../shared/seeds).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
seeds="${1:-}"
if [ -z "$seeds" ]; then
  seeds="$root/../shared/seeds"
  if [ ! -d "$seeds" ]; then
    common="$(git rev-parse --git-common-dir 2>/dev/null || true)"
    [ -n "$common" ] && seeds="$(cd "$common/.." && pwd)/../shared/seeds"
  fi
fi
out="${2:-out/import}"
bin="${KPI_FORECAST:-.build/release/kpi-forecast}"
[ -x "$bin" ] || bin=.build/debug/kpi-forecast
mkdir -p "$out"
"$bin" import "$seeds"/00[0-4]_*.txt --catalogue models --out "$out"
if [ "${REFRESH_BUNDLED:-1}" = 1 ]; then
  cp "$out/observations.csv" notebooks-data/bcp-kpis.csv
  echo "import-seeds: report in $out/import-report.md; notebooks-data/bcp-kpis.csv refreshed" >&2
else
  echo "import-seeds: report in $out/import-report.md; observations in $out/observations.csv" >&2
fi
