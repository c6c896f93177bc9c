#!/bin/sh
# Benchmark: AP demand Monte Carlo (100,000 draws per scenario) in a release build.
# Usage: scripts/bench_demand.sh   (from the repo root)
set -e
swift build -c release --product kpi-forecast >/dev/null
./.build/release/kpi-forecast demand notebooks-data/bcp-kpis.csv --draws 100000 --format csv 2>&1 >/dev/null | grep 'draws per scenario'
for d in 100000 1000000; do
  ./.build/release/kpi-forecast demand notebooks-data/bcp-kpis.csv --scenarios notebooks-data/scenarios-bcp.yaml \
    --draws $d --format csv 2>&1 >/dev/null | grep 'draws per scenario'
done
