#!/usr/bin/env python3
"""Does a short series gain from the seasonal shape its indicator shows in other authorities?
(`BorrowedShape`, issue "Accuracy where councils live", part 2.) Not a test: it measures.

A seeded generated batch: 3 quarterly indicators (a percent, a count, a rate) x 150 authorities,
20 quarters each. Each indicator has one seasonal shape; each authority its own level, a small
deviation from the shape (`--spread`, as a share of the shape) and noise. Half the authorities
keep only their last 3-8 training quarters (the councils' short scorecards), the others 16; the
next 4 quarters are held out. kpi-forecast (default model, h = 4) runs twice on the same values:
  with    : indicator + geography columns (short series borrow their indicator's shape);
  without : each series its own indicator and no geography (nothing to borrow from).
Printed for the short series: mean absolute error relative to the series' mean level, and the
coverage of the 80% and 95% intervals. Run it with a shared shape (--spread 0.2, the default) and
with unlike shapes (--spread 3) to see that borrowing helps the first and does not hurt the second.

Usage: swift build -c release --product kpi-forecast
       python3 scripts/bench_borrowed_shape.py [--spread 0.2] [--seed 20261205]
"""
import argparse
import csv
import os
import subprocess
import sys
import tempfile

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def generate(rng, spread, noise):
    kinds = [("percent", 40.0), ("count", 120.0), ("rate", 30.0)]
    rows_with, rows_without, truth, short_keys = [], [], {}, set()
    for k, (unit, base) in enumerate(kinds):
        shape = rng.normal(0, 0.15, 4)
        shape -= shape.mean()
        for a in range(150):
            own = shape + spread * rng.normal(0, 0.15, 4)
            own -= own.mean()
            level = np.log(base) + rng.normal(0, 0.3)
            t = np.arange(20)
            y = np.exp(level + own[t % 4] + 0.01 * t + rng.normal(0, noise[k], 20))
            if unit == "percent":
                y = np.clip(y, 0.5, 99.5)
            y = np.round(y, 1) if unit != "count" else np.round(y)
            ind, geo = f"kpi{k}", f"LA {a:03d}"
            keep = 16 if a % 2 == 0 else int(rng.integers(3, 9))
            if a % 2 == 1:
                short_keys.add((ind, geo))
            train = y[16 - keep:16]
            for i, v in enumerate(train):
                q = 16 - keep + i
                period = f"{2020 + q // 4}-Q{q % 4 + 1}"
                rows_with.append([ind, geo, period, v, unit])
                rows_without.append([f"{ind} {geo}", period, v, unit])
            truth[(ind, geo)] = (y[16:20], train.mean())
    return rows_with, rows_without, truth, short_keys


def run(binary, path):
    out = subprocess.run([binary, "forecast", path, "--horizon", "4", "--format", "csv", "--quiet"],
                         capture_output=True, text=True, check=True).stdout
    return list(csv.DictReader(out.splitlines()))


def score(rows, truth, short_keys, split_key):
    by = {}
    for r in rows:
        by.setdefault(split_key(r), []).append(r)
    def winkler(y, lo, hi, alpha):
        return (hi - lo) + (2 / alpha) * (max(lo - y, 0) + max(y - hi, 0))

    err, c80, c95, w80, w95, n = 0.0, 0, 0, 0.0, 0.0, 0
    for key in short_keys:
        actual, level = truth[key]
        fc = by.get(key, [])
        for h, r in enumerate(fc[:4]):
            y = actual[h]
            lo80, hi80, lo95, hi95 = (float(r[c]) for c in ("lo80", "hi80", "lo95", "hi95"))
            err += abs(y - float(r["mean"])) / level
            c80 += lo80 <= y <= hi80
            c95 += lo95 <= y <= hi95
            w80 += winkler(y, lo80, hi80, 0.2) / level
            w95 += winkler(y, lo95, hi95, 0.05) / level
            n += 1
    return err / n, c80 / n, c95 / n, n, w80 / n, w95 / n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--spread", type=float, default=0.2)
    ap.add_argument("--seed", type=int, default=20261205)
    ap.add_argument("--noise", default="0.05",
                    help="noise sd on the log scale: one value, or one per indicator (percent,count,rate), e.g. 0.05,0.02,0.15")
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "kpi-forecast"))
    a = ap.parse_args()
    rng = np.random.default_rng(a.seed)
    noise = [float(x) for x in a.noise.split(",")]
    noise = noise * 3 if len(noise) == 1 else noise
    if len(noise) != 3:
        ap.error("--noise takes one value or three (percent,count,rate)")
    rows_with, rows_without, truth, short_keys = generate(rng, a.spread, noise)
    with tempfile.TemporaryDirectory() as tmp:
        pw, pn = os.path.join(tmp, "with.csv"), os.path.join(tmp, "without.csv")
        with open(pw, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["indicator", "geography", "period", "value", "unit"])
            w.writerows(rows_with)
        with open(pn, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["indicator", "period", "value", "unit"])
            w.writerows(rows_without)
        with_rows = run(a.binary, pw)
        without_rows = run(a.binary, pn)
    s_with = score(with_rows, truth, short_keys, lambda r: (r["indicator"], r["geography"]))
    s_without = score(without_rows, truth, short_keys,
                      lambda r: (r["indicator"].split(" ", 1)[0], r["indicator"].split(" ", 1)[1]))
    print(f"shape spread {a.spread} (share of the shared shape), noise {','.join(map(str, noise))}, seed {a.seed}; "
          f"{len(short_keys)} short series, {s_with[3]} held-out values")
    print("| | relative MAE | cov80 | cov95 | Winkler80 / level | Winkler95 / level |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, s in (("borrowing from the indicator's other authorities", s_with), ("each series alone", s_without)):
        print(f"| {name} | {s[0]:.4f} | {s[1]:.3f} | {s[2]:.3f} | {s[4]:.4f} | {s[5]:.4f} |")
    # Per indicator, borrowing: a calm and a noisy indicator on one transform should each get their own band.
    for k in range(3):
        keys = {key for key in short_keys if key[0] == f"kpi{k}"}
        sk = score(with_rows, truth, keys, lambda r: (r["indicator"], r["geography"]))
        print(f"  kpi{k} (noise {noise[k]}), borrowing: cov80 {sk[1]:.3f}, cov95 {sk[2]:.3f}, "
              f"Winkler80 {sk[4]:.4f}, Winkler95 {sk[5]:.4f}")


if __name__ == "__main__":
    sys.exit(main())
