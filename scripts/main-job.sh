#!/usr/bin/env bash
# The main job: import the seed scorecards through the importer and the KPI catalogue (models/),
# then forecast every KPI to the financial year-end. When the seeds are not at hand
# (<repo>/../shared/seeds), the bundled notebooks-data/bcp-kpis.csv — the importer's output on
# them, refreshed by scripts/import-seeds.sh — is forecast instead.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product kpi-forecast >&2
mkdir -p out
input=notebooks-data/bcp-kpis.csv
if REFRESH_BUNDLED=0 KPI_FORECAST=.build/release/kpi-forecast bash scripts/import-seeds.sh "${SEEDS_DIR:-}" out/import 2>out/import.log; then
  input=out/import/observations.csv
  tail -1 out/import.log >&2
else
  echo "main-job: seeds not found; forecasting the bundled $input" >&2
fi
.build/release/kpi-forecast forecast "$input" --to-year-end --catalogue models "$@"
.build/release/kpi-forecast report "$input" --catalogue models --authority "BCP Council" --output out/report.html
echo "main-job: the committee pack in out/report.html" >&2
