#!/usr/bin/env bash
# libFuzzer run over the input readers (CSV reader, tidy observations reader, scorecard importer,
# catalogue loader): coverage-guided, same properties as kpi-fuzz (docs/IMPORT.md, "Fuzzing").
#   scripts/libfuzz.sh [SECONDS=600] [extra libFuzzer flags...]
# Builds kpi-libfuzz with -sanitize=fuzzer in .build-libfuzz/ (kept apart from the normal build),
# seeds a corpus in out/libfuzz/corpus from ../shared/seeds, models/ and notebooks-data/ (the first
# byte of each input picks the reader), and leaves crashing inputs in out/libfuzz/.
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-600}"; shift || true
swift build -c release --product kpi-libfuzz --build-path .build-libfuzz -Xswiftc -sanitize=fuzzer -Xswiftc -DLIBFUZZER >&2
seeds=../shared/seeds
if [ ! -d "$seeds" ]; then
  common="$(git rev-parse --git-common-dir 2>/dev/null || true)"
  [ -n "$common" ] && seeds="$(cd "$common/.." && pwd)/../shared/seeds"
fi
corpus=out/libfuzz/corpus
mkdir -p "$corpus"
n=0
for f in "$seeds"/*.txt models/*.yaml notebooks-data/*.csv notebooks-data/reference/seed-*.csv; do
  [ -f "$f" ] || continue
  for t in 0 1 2 3 4; do
    { printf "\\$(printf '%03o' "$t")"; head -c 65536 "$f"; } > "$corpus/$(basename "$f").$t"
    n=$((n + 1))
  done
done
echo "libfuzz: $n corpus inputs; running ${secs}s" >&2
cd out/libfuzz
../../.build-libfuzz/release/kpi-libfuzz corpus -max_total_time="$secs" -max_len=262144 -rss_limit_mb=4096 -print_final_stats=1 "$@"
