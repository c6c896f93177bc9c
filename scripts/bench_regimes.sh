#!/usr/bin/env bash
# Accuracy by regime on the dev sets (issue "Accuracy where councils live"): sMAPE, MASE,
# coverage and wall time for auto and the members, R's figures beside (RESULTS.md and
# notebooks-data/reference/tourism_cuts_r.csv). Release build; about 3 minutes on 2 cores.
#   bash scripts/bench_regimes.sh [../shared/data/benchmarks] > docs/regimes.txt
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="${1:-../shared/data/benchmarks}"
swift build -c release --product kpi-bench >&2
B=.build/release/kpi-bench
M=auto,ets,theta,snaive,snaive-avg,seasonal-level,naive
echo "# Tourism quarterly: full histories and the last 10 quarters (h = 8)"
$B "$DATA/tourism_quarterly.csv" --short 10 --methods "$M"
echo
echo "# Tourism quarterly cut to 3, 5 and 8 quarters (h = 4; MASE scaled by the full training series, as R's table)"
$B "$DATA/tourism_quarterly.csv" --skip-full --short 3 --short 5 --short 8 --short-horizon 4 --mase-full --methods "$M"
echo
echo "R forecast 8.20 on the same cuts (notebooks-data/reference/tourism_cuts.R):"
sed 's/^/  /' notebooks-data/reference/tourism_cuts_r.csv
echo
echo "# Tourism monthly: full histories (h = 24), the last 24 and the last 12 months (h = 12)"
$B "$DATA/tourism_monthly.csv" --period 12 --short 24 --short 12 --short-horizon 12 --methods auto,snaive,snaive-avg,seasonal-level,ets,theta
