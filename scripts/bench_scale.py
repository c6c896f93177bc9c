#!/usr/bin/env python3
"""Scale benchmark (DESIGN §7): England-sized batch through `kpi-forecast forecast`.

Generates a synthetic tidy CSV (default 150 authorities x 330 KPIs x 20 quarters = 49,500 series,
990,000 rows; seeded) in a temporary folder, runs the release binary on it and prints wall time,
series per second and rows per second. Usage:
  swift build -c release --product kpi-forecast && python3 scripts/bench_scale.py [--authorities N] [--kpis K]
"""
import argparse, os, random, subprocess, sys, tempfile, time

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--authorities", type=int, default=150)
    ap.add_argument("--kpis", type=int, default=330)
    ap.add_argument("--quarters", type=int, default=20)
    ap.add_argument("--binary", default=".build/release/kpi-forecast")
    a = ap.parse_args()
    rng = random.Random(1)
    tmp = tempfile.mkdtemp(prefix="kpi-bench-")
    path = os.path.join(tmp, "england.csv")
    rows = 0
    with open(path, "w") as f:
        f.write("indicator,geography,period,value,unit\n")
        for la in range(a.authorities):
            for k in range(a.kpis):
                base = rng.uniform(5, 60)
                for q in range(a.quarters):
                    month = [3, 6, 9, 12][q % 4]
                    year = 2019 + q // 4
                    v = base + rng.gauss(0, 2) + (5 if month == 9 else 0)
                    f.write(f"kpi{k},la{la},{year}-{month:02d},{min(max(v, 0.5), 99.5):.2f},percent\n")
                    rows += 1
    series = a.authorities * a.kpis
    out = os.path.join(tmp, "forecast.csv")
    t0 = time.time()
    r = subprocess.run([a.binary, "forecast", path, "--format", "csv", "--output", out, "--horizon", "4"],
                       stderr=subprocess.PIPE, text=True)
    dt = time.time() - t0
    if r.returncode != 0:
        print(r.stderr, file=sys.stderr)
        sys.exit(r.returncode)
    print(f"{series:,} series, {rows:,} rows: {dt:.2f} s wall, {series / dt:,.0f} series/s, {rows / dt:,.0f} rows/s "
          f"({os.cpu_count()} cores)")

if __name__ == "__main__":
    main()
