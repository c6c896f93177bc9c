#!/usr/bin/env python3
"""Point forecasts (the centre a P = 0.5 target sits on) scored by absolute error against the
last-value rule on calibrate_targets.py's split (the last 5 years of each DfE LAIT KPI with a
polarity, authority-years with >= 3 values and >= 2 changes before t). The record of the centre
variants tried for issue 9 part 4 (docs/PLANNING.md, section 3); target_variants.py scores the
full rules (targets and intervention levels). Every variant uses years < t only unless marked
ORACLE (a bound, not a rule).

Usage: scripts/target_centres.py [DATA_DIR]   (~2 minutes; prints ratios sum|y - f| / sum|y - last|)
Variants:
  local levels : last + common change + w (d_last) + (1 - w) mean(last k deviations from the
                 all-authority mean) - shrinking each authority toward its own recent level;
  regressions  : dy = alpha_year + slopes . features, fitted on years < t by least squares (ols),
                 least absolute deviations (lad) or Huber (c = 1.345), features: cur (gap to
                 the all-authority mean, previous change - the shipped model's), + nbgap (gap to
                 the 10 DfE 2025 statistical neighbours' mean), + nbch (the neighbours' mean
                 previous change), + own (gap to the authority's own past mean);
  common change: the coming year's alpha as the median of past alphas (shipped), 0, the last,
                 half the last, the median of the last 3, the mean of the last 2;
  combination  : last + w x (the pooled change), w per KPI minimising the absolute error of the
                 earlier years' out-of-sample forecasts (t' < t; nested rolling origin);
  ORACLE       : the year's actual median change known, and in-sample slopes, as bounds.
"""
import csv
import os
import sys
import warnings
from collections import defaultdict

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import calibrate_targets as ct  # noqa: E402
from target_variants import huber, lad  # noqa: E402


def matrices(meas, series):
    panels = defaultdict(dict)
    for (m, la), s in series.items():
        panels[m][la] = s
    for m in sorted(panels):
        if meas.get(m, {}).get('polarity', '') not in ('High', 'Low'):
            continue
        panel = panels[m]
        las = sorted(panel)
        y0 = min(y for s in panel.values() for y in s)
        y1 = max(y for s in panel.values() for y in s)
        V = np.full((len(las), y1 - y0 + 1), np.nan)
        for i, la in enumerate(las):
            for y, v in panel[la].items():
                V[i, y - y0] = v
        yield m, las, V


def scored(V, j):
    past = ~np.isnan(V[:, :j])
    nch = (past[:, 1:] & past[:, :-1]).sum(1)
    return (~np.isnan(V[:, j])) & (~np.isnan(V[:, j - 1])) & (past.sum(1) >= 3) & (nch >= 2)


def features(V, D, NB, i, j, mode):
    pc = V[i, j - 1] - V[i, j - 2] if j >= 2 and not np.isnan(V[i, j - 2]) else 0.0
    f = [D[i, j - 1], pc]
    if 'nbgap' in mode:
        v = [D[k, j - 1] for k in NB[i] if not np.isnan(D[k, j - 1])]
        f.append(D[i, j - 1] - np.mean(v) if v else 0.0)
    if 'nbch' in mode:
        v = [V[k, j - 1] - V[k, j - 2] for k in NB[i] if j >= 2 and not np.isnan(V[k, j - 1]) and not np.isnan(V[k, j - 2])]
        f.append(np.mean(v) if v else 0.0)
    if 'own' in mode:
        prev = [D[i, k] for k in range(0, j - 1) if not np.isnan(D[i, k])]
        f.append(D[i, j - 1] - np.mean(prev) if prev else 0.0)
    return f


def design(V, D, NB, jmax, mode, jmin=1):
    X, Y, J = [], [], []
    for j in range(jmin, jmax):
        for i in range(V.shape[0]):
            if np.isnan(V[i, j]) or np.isnan(V[i, j - 1]):
                continue
            X.append(features(V, D, NB, i, j, mode))
            Y.append(V[i, j] - V[i, j - 1])
            J.append(j)
    X, Y, J = np.array(X), np.array(Y), np.array(J)
    js = sorted(set(J))
    return np.hstack([(J[:, None] == np.array(js)[None, :]).astype(float), X]), Y, J, js


FIT = {'ols': lambda Z, Y: np.linalg.lstsq(Z, Y, rcond=None)[0], 'lad': lad, 'huber': huber}
A0 = {'med': np.median, 'zero': lambda a: 0.0, 'last': lambda a: a[-1], 'halflast': lambda a: 0.5 * a[-1],
      'med3': lambda a: np.median(a[-3:]), 'mean2': lambda a: np.mean(a[-2:])}


def main(data_dir):
    meas, series = ct.load(data_dir)
    code = {}
    with open(os.path.join(data_dir, 'dfe', 'lait_childrens_kpis_long.csv'), newline='') as f:
        for r in csv.DictReader(f):
            if r['geographic_level'] == 'Local authority':
                code[r['area_name']] = r['old_la_code']
    nb = {}
    with open(os.path.join(data_dir, 'dfe', 'statistical_neighbours_2025_wide.csv'), newline='') as f:
        for r in csv.DictReader(f):
            nb[r['old_la_code']] = [r[f'SN_{k}'] for k in range(1, 11)]
    tot = defaultdict(float)
    W = np.linspace(0, 1.5, 16)
    for m, las, V in matrices(meas, series):
        T = V.shape[1]
        idx = {code.get(la): i for i, la in enumerate(las)}
        NB = [[idx[c] for c in nb.get(code.get(la), []) if c in idx] for la in las]
        with warnings.catch_warnings():   # a year no authority has (the gap in absence data)
            warnings.simplefilter('ignore', RuntimeWarning)
            M = np.nanmean(V, 0)
        D = V - M
        r = defaultdict(float)
        oos = {}   # j -> (mask, pooled change) for the learned combination
        for j in range(2, T):
            sc = scored(V, j)
            if not sc.any():
                continue
            Z, Y, J, js = design(V, D, NB, j, 'cur')
            if len(Y) < 10 or len(js) < 2:
                continue
            b = FIT['ols'](Z, Y)
            x0 = np.array([features(V, D, NB, i, j, 'cur') for i in np.where(sc)[0]])
            oos[j] = (sc, np.median(b[:len(js)]) + x0 @ b[len(js):])
        # in-sample slopes (ORACLE bound): one fit on every year
        Zall, Yall, Jall, jsall = design(V, D, NB, T, 'cur', jmin=1)
        ball = FIT['ols'](Zall, Yall)
        for j in range(T - 5, T):
            sc = scored(V, j)
            if not sc.any() or j not in oos:
                continue
            y, last = V[sc, j], V[sc, j - 1]
            r['naive'] += np.abs(y - last).sum()
            dys = V[:, j] - V[:, j - 1]
            r['ORACLE median change known'] += np.abs(y - last - np.nanmedian(dys)).sum()
            x0a = np.array([features(V, D, NB, i, j, 'cur') for i in np.where(sc)[0]])
            fe = ball[:len(jsall)]
            past = [fe[k] for k, q in enumerate(jsall) if q < j]
            r['ORACLE in-sample slopes, median past alpha'] += np.abs(y - last - np.median(past) - x0a @ ball[len(jsall):]).sum()
            r['ORACLE in-sample slopes and alpha'] += np.abs(y - last - fe[jsall.index(j)] - x0a @ ball[len(jsall):]).sum()
            meds = [np.nanmedian(V[:, k] - V[:, k - 1]) for k in range(1, j) if np.sum(~np.isnan(V[:, k] - V[:, k - 1])) > 10]
            a0 = np.median(meds) if meds else 0.0
            Dp = D[sc, :j]
            for k in (2, 3, 99):
                mk = np.nanmean(Dp[:, max(0, j - k):], 1)
                mk = np.where(np.isnan(mk), Dp[:, -1], mk)
                for w in (0.0, 0.5):
                    r[f'local level: w={w} k={k}'] += np.abs(y - (M[j - 1] + a0 + w * Dp[:, -1] + (1 - w) * mk)).sum()
            for mode in ('cur', 'nbgap', 'nbch', 'own', 'nbgap+nbch+own'):
                Z, Y, J, js = design(V, D, NB, j, mode)
                x0 = np.array([features(V, D, NB, i, j, mode) for i in np.where(sc)[0]])
                for fit in (('ols', 'lad', 'huber') if mode == 'cur' else ('lad',)):
                    b = FIT[fit](Z, Y)
                    al, sl = b[:len(js)], b[len(js):]
                    for a in (A0 if (mode, fit) == ('cur', 'lad') else ('med', 'zero')):
                        r[f'regression {mode} {fit}, alpha {a}'] += np.abs(y - last - A0[a](al) - x0 @ sl).sum()
            losses = np.zeros(len(W))
            for jp, (scp, chp) in oos.items():
                if jp < j:
                    losses += [np.abs(V[scp, jp] - V[scp, jp - 1] - w * chp).sum() for w in W]
            w = W[np.argmin(losses)] if losses.any() else 1.0
            r['combination: last + w x ols change, w learned'] += np.abs(y - last - w * oos[j][1]).sum()
        for k, v in r.items():
            tot[k] += v
        print(f"{m}: " + ', '.join(f"{k} {v / r['naive']:.3f}" for k, v in r.items() if 'regression cur' in k), flush=True)
    print('\nAll KPIs (sum of absolute errors / the last-value rule\'s):')
    for k, v in tot.items():
        if k != 'naive':
            print(f"  {v / tot['naive']:.3f}  {k}")


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else '../shared/data')
