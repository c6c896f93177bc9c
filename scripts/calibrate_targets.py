#!/usr/bin/env python3
"""Calibration and sharpness of proposed targets and intervention levels on DfE LAIT data.

For every children's-services KPI with a polarity in the DfE LAIT extract, every authority and
each of the last years t: propose a target and an intervention level for year t from the years
before t only, then see what happened in t.

Two rules are compared:
  naive : target = last year's value; intervention = last value + 1.28 x sd(past yearly changes
          of that authority) on the worse side.
  pooled: kpi-forecast's annual rule (KPIPlanning/Targets/PooledAnnualModel.swift). The yearly change of
          every authority in every past year is regressed on the authority's gap to the
          all-authority mean the year before and on its previous change:
              dy[i,s] = alpha_s + b (y[i,s-1] - mean_s-1) + c dy[i,s-1] + e[i,s]
          (alpha_s a fixed effect per year, the change common to all authorities; missing previous
          change = 0), by Huber's robust regression: minimise sum rho(e / s), rho(u) = u^2/2 for
          |u| <= 1.345 and 1.345|u| - 1.345^2/2 beyond, the scale s = 1.4826 MAD of the
          least-squares residuals held fixed; iteratively reweighted least squares from least
          squares until no coefficient moves more than 1e-10 max(1, max|beta|) (at most 200
          steps), so a few authorities' wild years do not tilt the slopes and year effects that
          every authority's centre uses. The residual scale of authority i is its own residual sd shrunk toward the
          pooled sd with k = 3 pseudo-years:
              s_i^2 = (k s_pool^2 + n_i s_own,i^2) / (k + n_i)
          The predictive distribution is
              y[i,t-1] + median(alpha) + b gap + c dy  +  sd_a sqrt(1 + 1/n) T_{n-1}  +  lam s_i E
          - the common year shock: the predictive of a new draw from the n past alpha_s (normal,
            unknown mean and variance -> Student-t, n - 1 df, scale sd(alpha) sqrt(1 + 1/n);
            Gelman et al., Bayesian Data Analysis, sec. 3.2), centred on their median;
          - E drawn from the standardised pooled residuals, lam the out-of-sample inflation of
            the authority-specific part: for every earlier year t' < t the model can forecast
            (fitted on years < t'), z = (error - that year's mean error) / s_i, and
            lam^2 = sum z^2 / sum mean(E'^2) (rolling origin; only years before t are used).
          Quantiles by bisection on the mixture CDF (deterministic).
          target(P) = the value met with probability P; intervention = the 0.9 quantile on the
          worse side.
Sharpness: quantile (pinball) loss  L_tau(y, q) = (y - q)(tau - 1[y < q]) of the target
(tau = 0.5) and of the intervention level (tau = 0.9 for smaller-is-better, 0.1 for
bigger-is-better), summed over authority-years, as a ratio pooled / naive (below 1 = sharper).

Usage: scripts/calibrate_targets.py [DATA_DIR (default ../shared/data)] [--years 5]
       [--reference OUT_DIR]  (writes the reference file for the Swift cross-check)
Prints a Markdown table (docs/PLANNING.md carries its output).
"""
import csv
import math
import os
import sys
from collections import defaultdict

import numpy as np

K_SHRINK = 3.0
MIN_PAST = 3          # an authority needs at least this many values before t


def year_key(period):
    """'2025' -> 2025; '2023/24' -> 2024 (the year the period ends)."""
    if '/' in period:
        a, _ = period.split('/')
        return int(a) + 1
    return int(period)


def load(data_dir):
    measures = {}
    with open(os.path.join(data_dir, 'dfe', 'lait_childrens_kpis_measures.csv'), newline='') as f:
        for r in csv.DictReader(f):
            measures[r['measure_code']] = r
    series = defaultdict(dict)   # (measure, la) -> {year: value}
    with open(os.path.join(data_dir, 'dfe', 'lait_childrens_kpis_long.csv'), newline='') as f:
        for r in csv.DictReader(f):
            if r['geographic_level'] != 'Local authority' or r['value'] == '':
                continue
            series[(r['measure_code'], r['area_name'])][year_key(r['period'])] = float(r['value'])
    return measures, series


def mixture_quantile(p, centre, shock_sd, scale, std, shock_df=math.inf):
    """p-quantile of Y = centre + shock_sd T + scale * E, T standard normal (shock_df = inf) or
    Student-t, E drawn from the standardised pooled residuals `std` with equal weight; by
    bisection on the CDF F(y) = mean_j G((y - centre - scale e_j) / shock_sd)."""
    from scipy.special import ndtr, stdtr
    pts = centre + scale * std
    def cdf(y):
        if shock_sd <= 0:
            return float(np.mean(pts <= y))
        z = (y - pts) / shock_sd
        return float(np.mean(ndtr(z) if math.isinf(shock_df) else stdtr(shock_df, z)))
    lo = float(pts.min()) - 10 * shock_sd - 1e-9
    hi = float(pts.max()) + 10 * shock_sd + 1e-9
    step = 10 * shock_sd
    while shock_sd > 0 and cdf(lo) >= p:
        lo -= step; step *= 2
    step = 10 * shock_sd
    while shock_sd > 0 and cdf(hi) < p:
        hi += step; step *= 2
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if cdf(mid) < p:
            lo = mid
        else:
            hi = mid
        if hi - lo <= 1e-11 * max(1.0, abs(mid)):
            break
    return 0.5 * (lo + hi)


def huber(X, y, c=1.345, tol=1e-10, max_iter=200):
    """Huber M-estimate with the scale fixed at 1.4826 MAD of the least-squares residuals (IRLS
    from least squares; the module doc)."""
    beta = np.linalg.lstsq(X, y, rcond=None)[0]   # LAPACK gelsd; the Swift side uses QR
    e = y - X @ beta
    k = c * 1.4826 * float(np.median(np.abs(e - np.median(e))))
    if k <= 0:
        return beta
    for _ in range(max_iter):
        sw = np.sqrt(np.where(np.abs(e) <= k, 1.0, k / np.maximum(np.abs(e), 1e-300)))
        nxt = np.linalg.lstsq(X * sw[:, None], y * sw, rcond=None)[0]
        step = float(np.max(np.abs(nxt - beta)))
        beta = nxt
        e = y - X @ beta
        if step <= tol * max(1.0, float(np.max(np.abs(beta)))):
            break
    return beta


def pooled_design(panel, t):
    """The pooled model's rows on the years before t: (X, y, authority and year of each row, the
    years with a fixed effect, the yearly means); None with fewer than 10 rows or 2 years."""
    years = sorted({y for s in panel.values() for y in s if y < t})
    mean = {y: float(np.mean([s[y] for s in panel.values() if y in s])) for y in years}
    rows, resp, who, yrs = [], [], [], []
    for la, s in panel.items():
        for y in years:
            if y in s and (y - 1) in s:
                prev_change = s[y - 1] - s[y - 2] if (y - 2) in s else 0.0
                rows.append([s[y - 1] - mean[y - 1], prev_change])
                resp.append(s[y] - s[y - 1])
                who.append(la)
                yrs.append(y)
    year_list = sorted(set(yrs))
    if len(rows) < 10 or len(year_list) < 2:
        return None
    X = np.array([[1.0 if y == yy else 0.0 for yy in year_list] + r for y, r in zip(yrs, rows)])
    return X, np.array(resp), who, year_list, mean


def authority_scales(who, res, n_coef, k=K_SHRINK):
    """s_i: each authority's residual scale shrunk toward the pooled one with k pseudo-years;
    the residuals standardised by them; and the pooled variance."""
    s_pool2 = float(res @ res) / max(len(res) - n_coef, 1)
    own = defaultdict(list)
    for la, e in zip(who, res):
        own[la].append(float(e))
    scale = {}
    for la, es in own.items():
        n = len(es)
        scale[la] = math.sqrt((k * s_pool2 + n * float(np.mean(np.square(es)))) / (k + n))
    std = np.array([e / scale[la] for la, e in zip(who, res) if scale[la] > 0])
    return scale, std, s_pool2


def pooled_fit(panel, t):
    """The pooled model fitted on the years before t (see the module doc)."""
    design = pooled_design(panel, t)
    if design is None:
        return None
    X, yv, who, year_list, mean = design
    beta = huber(X, yv)
    nfx = len(year_list)
    scale, std, s_pool2 = authority_scales(who, yv - X @ beta, X.shape[1])
    return dict(beta=beta[nfx:], alphas=np.array(beta[:nfx]), scale=scale, std=std, mean=mean, s_pool2=s_pool2)


def centres(panel, fit, t, a0):
    """{la: y[t-1] + a0 + b gap + c dy} for authorities with a value at t-1, >= MIN_PAST values
    before t and a residual scale."""
    out = {}
    for la, s in panel.items():
        if (t - 1) not in s or sum(1 for y in s if y < t) < MIN_PAST or la not in fit['scale']:
            continue
        prev_change = s[t - 1] - s[t - 2] if (t - 2) in s else 0.0
        x0 = np.array([s[t - 1] - fit['mean'][t - 1], prev_change])
        out[la] = s[t - 1] + a0 + float(x0 @ fit['beta'])
    return out


def year_errors(panel, fit, tp, a0):
    """(authorities, errors, scales) of year tp forecast by `fit` (years < tp) with common change
    a0; None with fewer than 10 authorities or no standardised residuals."""
    if fit is None:
        return None
    cs = centres(panel, fit, tp, a0)
    las = [la for la in sorted(cs) if tp in panel[la]]
    if len(las) < 10 or len(fit['std']) == 0:
        return None
    return las, np.array([panel[la][tp] - cs[la] for la in las]), np.array([fit['scale'][la] for la in las])


def inflation_from(errors_by_year, std_of):
    """lam from each earlier year's (authorities, errors, scales) and that year's fit's
    standardised residuals: out-of-sample RMS over in-sample RMS; 1 if none."""
    num = den = 0.0
    for tp, r in errors_by_year:
        if r is None:
            continue
        _, err, sc = r
        num += float(np.sum(((err - err.mean()) / sc) ** 2))
        den += len(err) * float(np.mean(np.square(std_of(tp))))
    return math.sqrt(num / den) if den > 0 else 1.0


def inflation(panel, t, fits):
    """lam: out-of-sample RMS of the idiosyncratic errors of every earlier year t' < t (each
    year's mean error removed, divided by s_i) over the in-sample RMS of E; 1 if none."""
    def errors(tp):
        fit = fits(tp)
        return year_errors(panel, fit, tp, float(np.median(fit['alphas']))) if fit is not None else None
    earlier = sorted({y for s in panel.values() for y in s if y < t})
    return inflation_from([(tp, errors(tp)) for tp in earlier], lambda tp: fits(tp)['std'])


def pooled_quantiles(panel, t, probs, cache=None):
    """{la: [quantiles]} for authorities with a value at t-1 and >= MIN_PAST values before t."""
    cache = {} if cache is None else cache
    def fits(year):
        if year not in cache:
            cache[year] = pooled_fit(panel, year)
        return cache[year]
    fit = fits(t)
    if fit is None:
        return {}
    alphas = fit['alphas']
    n = len(alphas)
    a0 = float(np.median(alphas))
    shock_sd = float(np.std(alphas, ddof=1)) * math.sqrt(1 + 1 / n)
    shock_df = max(n - 1, 1)
    lam = inflation(panel, t, fits)
    out = {}
    for la, centre in centres(panel, fit, t, a0).items():
        out[la] = [mixture_quantile(p, centre, shock_sd, lam * fit['scale'][la], fit['std'], shock_df) for p in probs]
    return out


def pinball(y, q, tau):
    return (y - q) * (tau - (1.0 if y < q else 0.0))


def main(argv):
    data_dir = '../shared/data'
    n_years = 5
    ref_dir = None
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == '--years':
            n_years = int(args.pop(0))
        elif a == '--reference':
            ref_dir = args.pop(0)
        else:
            data_dir = a
    measures, series = load(data_dir)
    panels = defaultdict(dict)
    for (m, la), s in series.items():
        panels[m][la] = s
    out_rows = []
    totals = defaultdict(float)
    for m in sorted(panels):
        pol = measures.get(m, {}).get('polarity', '')
        if pol not in ('High', 'Low'):
            continue
        bigger = pol == 'High'
        panel = panels[m]
        all_years = sorted({y for s in panel.values() for y in s})
        targets_years = all_years[-n_years:]
        tau_i = 0.1 if bigger else 0.9
        probs = [0.5, tau_i]
        c = defaultdict(float)
        cache = {}
        for t in targets_years:
            q = pooled_quantiles(panel, t, probs, cache)
            for la, s in panel.items():
                if t not in s or la not in q:
                    continue
                past = [s[y] for y in sorted(s) if y < t]
                changes = [s[y] - s[y - 1] for y in sorted(s) if y < t and (y - 1) in s]
                if len(changes) < 2:
                    continue
                y, last = s[t], s[t - 1]
                sd = float(np.std(changes, ddof=1))
                n_t, n_i = last, last + (-1.28 if bigger else 1.28) * sd
                p_t, p_i = q[la]
                met = (lambda v: y >= v) if bigger else (lambda v: y <= v)
                worse = (lambda v: y < v) if bigger else (lambda v: y > v)
                c['n'] += 1
                c['met_pooled'] += met(p_t)
                c['met_naive'] += met(n_t)
                c['crossed_pooled'] += worse(p_i)
                c['crossed_naive'] += worse(n_i)
                c['lt_pooled'] += pinball(y, p_t, 0.5)
                c['lt_naive'] += pinball(y, n_t, 0.5)
                c['li_pooled'] += pinball(y, p_i, tau_i)
                c['li_naive'] += pinball(y, n_i, tau_i)
        if c['n'] == 0:
            continue
        for k, v in c.items():
            totals[k] += v
        out_rows.append((m, 'bigger' if bigger else 'smaller', c))
    def fmt(name, pol, c):
        n = c['n']
        return (f"| {name} | {pol} | {int(n)} | {100 * c['met_pooled'] / n:.1f} | {100 * c['met_naive'] / n:.1f} | "
                f"{100 * c['crossed_pooled'] / n:.1f} | {100 * c['crossed_naive'] / n:.1f} | "
                f"{c['lt_pooled'] / c['lt_naive']:.3f} | {c['li_pooled'] / c['li_naive']:.3f} |")
    print("| KPI | polarity | authority-years | met % (pooled, P=0.5) | met % (naive) | crossed % (pooled, 10%) | crossed % (naive) | target loss ratio | intervention loss ratio |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for m, pol, c in out_rows:
        print(fmt(m, pol, c))
    print(fmt('**all KPIs**', '', totals))
    if ref_dir:
        write_reference(ref_dir, panels, series)


def write_reference(ref_dir, panels, series):
    """Pooled quantiles for one KPI and year, for the Swift cross-check."""
    os.makedirs(ref_dir, exist_ok=True)
    m, t = 'CareLeaversNEET', 2025
    probs = [0.1, 0.5, 0.9]
    q = pooled_quantiles(panels[m], t, probs)
    with open(os.path.join(ref_dir, 'pooled_annual_quantiles.csv'), 'w', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['indicator', 'geography', 'year', 'q10', 'q50', 'q90'])
        for la in sorted(q):
            w.writerow([m, la, f'{t - 1}/{t % 100:02d}'] + [repr(v) for v in q[la]])


if __name__ == '__main__':
    main(sys.argv[1:])
