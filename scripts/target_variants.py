#!/usr/bin/env python3
"""Variants of the pooled annual target rule, scored on calibrate_targets.py's split (DfE LAIT,
the last 5 years of each KPI, targets for year t from years < t only). The record of what was
tried for issue 9 part 4 (docs/PLANNING.md, section 3).

Usage: scripts/target_variants.py VARIANT[,VARIANT...] [DATA_DIR] [-v]
Each variant is NAME or NAME:opt=value:... over these options (defaults = the least-squares rule
shipped before issue 9 part 4; `huber:fit=huber` is the rule shipped since). ~3 minutes a
variant on an idle core. The rows of docs/PLANNING.md's table came from
  base, huber:fit=huber, lad:fit=lad, huberk10:fit=huber:k=10, k10:k=10, k1:k=1,
  emp:spread=emp, choose:rule=choose
  fit=ols|lad|huber  least squares, least absolute deviations (median regression, HiGHS LP), or
                     Huber's M-estimate (c = 1.345 x the MAD scale of the least-squares residuals,
                     held fixed; iteratively reweighted least squares)
  a0=med|zero        the coming year's common change: median of past alphas, or 0
  shock=tpred|none   Student-t predictive of a new alpha, or no common-shock term
  lam=roll|one       rolling-origin inflation of the authority spread, or 1
  k=3                pseudo-years of shrinkage of the authority scale toward the pooled one
  spread=mix|emp     the mixture (shock + lam s_i E), or empirical quantiles of earlier years'
                     out-of-sample standardised errors (y - centre)/s_i (rolling origin)
  rule=pooled|naive|choose  choose: per KPI, the rule (pooled or naive) with the smaller loss
                     on the earlier target years (t' < t) it could be scored on
Quantiles by a vectorised bisection (60 steps), so figures may differ from calibrate_targets.py
in the last digit.
"""
import math
import os
import sys
from collections import defaultdict

import numpy as np
from scipy.optimize import linprog
from scipy.special import ndtr, stdtr

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import calibrate_targets as ct  # noqa: E402

DEFAULT = dict(fit='ols', a0='med', shock='tpred', lam='roll', k='3', spread='mix', rule='pooled')


def lad(Z, y):
    """Least absolute deviations: min sum |y - Z b| as a linear programme (HiGHS)."""
    n, p = Z.shape
    c = np.concatenate([np.zeros(p), np.ones(2 * n)])
    A = np.hstack([Z, np.eye(n), -np.eye(n)])
    r = linprog(c, A_eq=A, b_eq=y, bounds=[(None, None)] * p + [(0, None)] * (2 * n), method='highs')
    return r.x[:p]


huber = ct.huber  # the shipped rule's Huber fit (calibrate_targets.py)


def pooled_fit(panel, t, o):
    design = ct.pooled_design(panel, t)
    if design is None:
        return None
    X, yv, who, year_list, mean = design
    if o['fit'] == 'lad':
        beta = lad(X, yv)
    elif o['fit'] == 'huber':
        beta = huber(X, yv)
    else:
        beta, *_ = np.linalg.lstsq(X, yv, rcond=None)
    nfx = len(year_list)
    scale, std, _ = ct.authority_scales(who, yv - X @ beta, X.shape[1], float(o['k']))
    return dict(beta=beta[nfx:], alphas=np.array(beta[:nfx]), scale=scale, std=std, mean=mean)


def a0_of(fit, o):
    return float(np.median(fit['alphas'])) if o['a0'] == 'med' else 0.0


def vquant(p, c, scale, std, ssd, df):
    pts = c[:, None] + scale[:, None] * std[None, :]
    lo = pts.min(1) - 40 * ssd - 1e-9
    hi = pts.max(1) + 40 * ssd + 1e-9
    for _ in range(60):
        mid = 0.5 * (lo + hi)
        if ssd > 0:
            z = (mid[:, None] - pts) / ssd
            F = (ndtr(z) if df is None else stdtr(df, z)).mean(1)
        else:
            F = (pts <= mid[:, None]).mean(1)
        lo = np.where(F < p, mid, lo)
        hi = np.where(F < p, hi, mid)
    return 0.5 * (lo + hi)


class Model:
    """One variant on one KPI panel, with fits and out-of-sample errors cached by year."""

    def __init__(self, panel, o):
        self.panel, self.o = panel, o
        self.fits, self.errs = {}, {}

    def fit(self, t):
        if t not in self.fits:
            self.fits[t] = pooled_fit(self.panel, t, self.o)
        return self.fits[t]

    def oos(self, tp):
        """(authorities, errors, scales) of year tp forecast from years < tp."""
        if tp not in self.errs:
            f = self.fit(tp)
            self.errs[tp] = ct.year_errors(self.panel, f, tp, a0_of(f, self.o)) if f is not None else None
        return self.errs[tp]

    def lam(self, t):
        if self.o['lam'] == 'one':
            return 1.0
        earlier = sorted({y for s in self.panel.values() for y in s if y < t})
        return ct.inflation_from([(tp, self.oos(tp)) for tp in earlier], lambda tp: self.fit(tp)['std'])

    def quantiles(self, t, las, probs):
        """{la: [q(p) for p in probs]} for the authorities `las` the fit can forecast."""
        f = self.fit(t)
        if f is None:
            return {}
        cs = ct.centres(self.panel, f, t, a0_of(f, self.o))
        las = [la for la in las if la in cs]
        if not las:
            return {}
        cv = np.array([cs[la] for la in las])
        sv = np.array([f['scale'][la] for la in las])
        if self.o['spread'] == 'emp':
            z = []
            for tp in sorted({y for s in self.panel.values() for y in s if y < t}):
                r = self.oos(tp)
                if r is not None:
                    z.extend((r[1] / r[2]).tolist())
            if len(z) < 50:
                return {}
            z = np.array(z)
            qs = [cv + sv * float(np.quantile(z, p)) for p in probs]
        else:
            al = f['alphas']
            n = len(al)
            if self.o['shock'] == 'tpred':
                ssd, df = float(np.std(al, ddof=1)) * math.sqrt(1 + 1 / n), max(n - 1, 1)
            else:
                ssd, df = 0.0, None
            lam = self.lam(t)
            qs = [vquant(p, cv, lam * sv, f['std'], ssd, df) for p in probs]
        return {la: [float(q[i]) for q in qs] for i, la in enumerate(las)}


def naive_q(s, t, bigger):
    changes = [s[y] - s[y - 1] for y in sorted(s) if y < t and (y - 1) in s]
    sd = float(np.std(changes, ddof=1))
    return [s[t - 1], s[t - 1] + (-1.28 if bigger else 1.28) * sd]


def eligible(s, t):
    if t not in s or (t - 1) not in s:
        return False
    past = [y for y in s if y < t]
    changes = [y for y in past if (y - 1) in s]
    return len(past) >= ct.MIN_PAST and len(changes) >= 2


def run(o, meas, panels, verbose=False, n_years=5):
    tot = defaultdict(float)
    lines = []
    for m in sorted(panels):
        pol = meas.get(m, {}).get('polarity', '')
        if pol not in ('High', 'Low'):
            continue
        bigger = pol == 'High'
        panel = panels[m]
        ys = sorted({y for s in panel.values() for y in s})
        tau_i = 0.1 if bigger else 0.9
        model = Model(panel, o)
        c = defaultdict(float)
        history = []   # (t, pooled loss, naive loss) of scored years, for rule=choose
        for t in ys[-n_years:]:
            las = [la for la in sorted(panel) if eligible(panel[la], t)]
            q = model.quantiles(t, las, [0.5, tau_i])
            use_naive = False
            if o['rule'] == 'naive':
                use_naive = True
            elif o['rule'] == 'choose':
                past = [(lp, ln) for (tt, lp, ln) in history if tt < t]
                use_naive = bool(past) and sum(p for p, _ in past) > sum(n for _, n in past)
            lp_year = ln_year = 0.0
            for la in las:
                if la not in q:
                    continue
                s = panel[la]
                y = s[t]
                n_t, n_i = naive_q(s, t, bigger)
                p_t, p_i = (n_t, n_i) if use_naive else q[la]
                met = (lambda v: y >= v) if bigger else (lambda v: y <= v)
                worse = (lambda v: y < v) if bigger else (lambda v: y > v)
                c['n'] += 1
                c['met'] += met(p_t)
                c['crossed'] += worse(p_i)
                c['crossed_naive'] += worse(n_i)
                c['lt'] += ct.pinball(y, p_t, 0.5)
                c['lt_naive'] += ct.pinball(y, n_t, 0.5)
                c['li'] += ct.pinball(y, p_i, tau_i)
                c['li_naive'] += ct.pinball(y, n_i, tau_i)
                q_t, q_i = q[la]
                lp_year += ct.pinball(y, q_t, 0.5) + ct.pinball(y, q_i, tau_i)
                ln_year += ct.pinball(y, n_t, 0.5) + ct.pinball(y, n_i, tau_i)
            history.append((t, lp_year, ln_year))
        for k, v in c.items():
            tot[k] += v
        lines.append((m, c))

    def line(name, c):
        n = c['n']
        return (f"{name[:22]:22s} {int(n):6d} met {100 * c['met'] / n:5.1f} crossed {100 * c['crossed'] / n:5.1f} "
                f"(naive {100 * c['crossed_naive'] / n:5.1f})  LT {c['lt'] / c['lt_naive']:.3f} LI {c['li'] / c['li_naive']:.3f}")
    if verbose:
        for m, c in lines:
            print('   ' + line(m, c))
    return line('ALL', tot)


def parse(spec):
    o = dict(DEFAULT)
    for part in spec.split(':')[1:]:
        k, v = part.split('=')
        o[k] = v
    return o


if __name__ == '__main__':
    args = [a for a in sys.argv[1:] if a != '-v']
    meas, series = ct.load(args[1] if len(args) > 1 else '../shared/data')
    panels = defaultdict(dict)
    for (m, la), s in series.items():
        panels[m][la] = s
    for spec in args[0].split(','):
        print(f"[{spec}]", run(parse(spec), meas, panels, verbose='-v' in sys.argv), flush=True)
