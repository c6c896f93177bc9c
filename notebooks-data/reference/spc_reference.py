#!/usr/bin/env python3
"""Independent numpy reference for the XmR (SPC) charts of `kpi-forecast spc`.

Written from the rules of NHSRplotthedots 0.1.0 (R/ptd_spc_standard.R,
R/ptd_calculate_point_type.R), vectorised with numpy rather than translated from the Swift:
  mean per rebase segment; moving ranges |diff|; screened where mr >= 3.267 * mean(mr);
  limits mean -/+ 2.66 * mean(screened mr); near limits mean -/+ 2*(2.66/3) * mR;
  special cause: outside the limits; part of 7 on one side of the mean; part of a rising trend of 7
  (0.1.0 only tests == 1, so falling trends are not flagged); a near-limit point in a window of 3
  with >= 2 near-limit points (0.1.0: either side; "corrected": all three on one side, and
  falling trends flagged).
Writes spc_series.csv (inputs), spc_reference.csv (per point) and spc_reference_icons.csv.
Run: python3 notebooks-data/reference/spc_reference.py
"""
import csv
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def series_set():
    rng = np.random.default_rng(20261204)
    out = []

    def add(name, y, direction, rebase=(), target=None):
        out.append((name, np.round(np.asarray(y, dtype=float), 8), direction, tuple(rebase), target))

    # The package's published example (tests/testthat/_snaps/ptd_spc_standard.md): set.seed(123);
    # rnorm(20), printed there as mean 0.142, lpl -3.01, upl 3.29. These are R's rnorm values.
    ptd = [-0.56047565, -0.23017749, 1.55870831, 0.07050839, 0.12928774, 1.71506499, 0.46091621,
           -1.26506123, -0.68685285, -0.44566197, 1.22408180, 0.35981383, 0.40077145, 0.11068272,
           -0.55584113, 1.78691314, 0.49785048, -1.96661716, 0.70135590, -0.47279141]
    add("ptd_example", ptd, 0)
    add("ptd_example_increase", ptd, 1, target=1.0)
    base = 50 + rng.normal(0, 2, 24)
    y = base.copy(); y[15] = 75
    add("outside_limits", y, 1, target=45)
    y = base.copy(); y[10:18] = 52.5 + np.abs(rng.normal(0, 0.4, 8))
    add("run_above", y, -1, target=60)
    y = base.copy(); y[5:12] = np.linspace(46, 54, 7)
    add("rising_trend", y, 1)
    y = base.copy(); y[5:12] = np.linspace(54, 46, 7)
    add("falling_trend", y, -1)
    flat = 50 + rng.normal(0, 1, 20)
    y = flat.copy(); y[8] = 52.3; y[9] = 50.2; y[10] = 52.4
    add("two_of_three_same_side", y, 1)
    y = flat.copy(); y[8] = 52.3; y[9] = 47.7
    add("two_of_three_opposite", y, -1)
    y = np.concatenate([20 + rng.normal(0, 1, 12), 30 + rng.normal(0, 1, 12)])
    add("rebase", y, -1, rebase=(12,), target=25)
    add("no_rebase", y, -1, target=25)
    y = 10 + rng.normal(0, 0.5, 16); y[6] = 25
    add("screened_jump", y, 0)
    add("constant", [7.0] * 9, 1, target=7)
    add("short", [3.0, 4.0, 3.5], 1)
    add("single", [5.0], 0)
    add("random_walk", 100 + np.cumsum(rng.normal(0, 3, 40)), 1, rebase=(25,), target=110)
    return out


def xmr(y, starts, direction, rules):
    n = len(y)
    seg = np.zeros(n, dtype=int)
    for s in sorted(s for s in starts if 0 < s < n):
        seg[s:] += 1
    mean = np.full(n, np.nan); lpl = np.full(n, np.nan); upl = np.full(n, np.nan); types = [None] * n
    for g in np.unique(seg):
        idx = np.flatnonzero(seg == g)
        v = y[idx]
        m = v.mean()
        if len(v) > 1:
            mr = np.abs(np.diff(v))
            a0 = mr.mean()
            amr = 0.0 if a0 == 0 else mr[mr < 3.267 * a0].mean()
        else:
            amr = np.nan
        lo, hi = m - 2.66 * amr, m + 2.66 * amr
        nlo, nhi = m - 2 * (2.66 / 3) * amr, m + 2 * (2.66 / 3) * amr
        out = (v > hi) | (v < lo)
        side = np.sign(v - m).astype(int)
        near = (~out) & ((v < nlo) | (v > nhi))
        k = len(v)
        # ends of runs of 7 on one side: sliding windows of width 7
        run_end = np.zeros(k, dtype=int)
        trend_end = np.zeros(k, dtype=int)
        if k >= 7:
            w = np.lib.stride_tricks.sliding_window_view(side, 7)
            run_end[6:] = (np.all(w == w[:, -1:], axis=1) & (w[:, -1] != 0)).astype(int)
            d = np.sign(np.diff(v))
            wd = np.lib.stride_tricks.sliding_window_view(d, 6)
            trend_end[6:] = np.where(np.all(wd == 1, axis=1), 1, np.where(np.all(wd == -1, axis=1), -1, 0))
        pad = np.concatenate([run_end, np.zeros(6, dtype=int)])
        in_run = np.array([np.any(pad[i:i + 7] != 0) for i in range(k)])
        tpad = np.concatenate([trend_end, np.zeros(6, dtype=int)])
        if rules == "ptd-0.1.0":
            in_trend = np.array([np.any(tpad[i:i + 7] == 1) for i in range(k)])
        else:
            in_trend = np.array([np.any(tpad[i:i + 7] != 0) for i in range(k)])
        npad = np.concatenate([[0, 0], near.astype(int), [0, 0]])
        spad = np.concatenate([[0, 0], side, [0, 0]])
        two = np.zeros(k, dtype=bool)
        for i in range(k):
            hits = []
            for off in range(3):  # windows (i-2..i), (i-1..i+1), (i..i+2) in padded coordinates
                cnt = npad[i + off:i + off + 3].sum()
                same = abs(spad[i + off:i + off + 3].sum()) == 3
                hits.append(cnt >= 2 and (rules == "ptd-0.1.0" or same))
            two[i] = near[i] and any(hits)
        flag = out | in_run | in_trend | two
        for j, i in enumerate(idx):
            mean[i], lpl[i], upl[i] = m, lo, hi
            if not flag[j]:
                types[i] = "common_cause"
            elif direction == 0:
                types[i] = "special_cause_neutral"
            elif side[j] == direction:
                types[i] = "special_cause_improvement"
            else:
                types[i] = "special_cause_concern"
    return mean, lpl, upl, types


def icons(y, mean, lpl, upl, types, direction, target):
    last = len(y) - 1
    high = y[last] > mean[last]
    t = types[last]
    variation = {"common_cause": "common_cause",
                 "special_cause_improvement": "improvement_" + ("high" if high else "low"),
                 "special_cause_concern": "concern_" + ("high" if high else "low"),
                 "special_cause_neutral": "neutral_" + ("high" if high else "low")}[t]
    assurance = ""
    if target is not None and direction != 0 and np.isfinite(lpl[last]):
        if target > upl[last]:
            assurance = "consistent_fail" if direction == 1 else "consistent_pass"
        elif target < lpl[last]:
            assurance = "consistent_pass" if direction == 1 else "consistent_fail"
        else:
            assurance = "inconsistent"
    return variation, assurance


def fmt(x):
    return "" if not np.isfinite(x) else repr(float(x))


def main():
    series = series_set()
    with open(os.path.join(HERE, "spc_series.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["series", "index", "value", "direction", "rebase", "target"])
        for name, y, d, rb, target in series:
            for i, v in enumerate(y):
                w.writerow([name, i, repr(float(v)), d, 1 if i in rb else 0, "" if target is None else target])
    with open(os.path.join(HERE, "spc_reference.csv"), "w", newline="") as f, \
            open(os.path.join(HERE, "spc_reference_icons.csv"), "w", newline="") as g:
        w = csv.writer(f, lineterminator="\n")
        wi = csv.writer(g, lineterminator="\n")
        w.writerow(["series", "rules", "index", "value", "mean", "lpl", "upl", "point_type"])
        wi.writerow(["series", "rules", "variation", "assurance"])
        for rules in ("ptd-0.1.0", "corrected"):
            for name, y, d, rb, target in series:
                mean, lpl, upl, types = xmr(y, rb, d, rules)
                for i in range(len(y)):
                    w.writerow([name, rules, i, repr(float(y[i])), fmt(mean[i]), fmt(lpl[i]), fmt(upl[i]), types[i]])
                wi.writerow([name, rules, *icons(y, mean, lpl, upl, types, d, target)])


if __name__ == "__main__":
    main()
