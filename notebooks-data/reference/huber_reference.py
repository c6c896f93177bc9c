#!/usr/bin/env python3
"""Reference for KPIStats' HuberFit: Huber's regression with the scale fixed at 1.4826 MAD of the
least-squares residuals, c = 1.345, found here by a different algorithm from the Swift side's
iteratively reweighted least squares: direct minimisation of the convex objective
sum rho(e_i / s) with scipy's BFGS (analytic gradient), polished by Newton steps on the active
set. The data are a fixed, seeded panel-like design (3 year indicators, a gap and a previous
change) with heavy-tailed errors and a few gross outliers.

Usage: python3 notebooks-data/reference/huber_reference.py  (writes huber_reference.csv beside it)
Columns: kind (x = a design row and its response y; beta = the coefficients), then x1..x5, y.
"""
import csv
import os

import numpy as np
from scipy.optimize import minimize

C = 1.345


def data():
    rng = np.random.default_rng(20261205)
    n = 90
    year = np.repeat([0, 1, 2], n // 3)
    X = np.zeros((n, 5))
    X[np.arange(n), year] = 1.0
    X[:, 3] = rng.normal(0, 2, n)            # gap to the mean
    X[:, 4] = rng.normal(0, 1, n)            # previous change
    beta = np.array([0.5, -0.3, 0.1, -0.25, -0.4])
    e = rng.standard_t(3, n)
    e[[5, 40, 77]] += [12.0, -9.0, 15.0]     # gross outliers
    return X, X @ beta + e


def huber_fixed_scale(X, y):
    b0 = np.linalg.lstsq(X, y, rcond=None)[0]
    r = y - X @ b0
    s = 1.4826 * np.median(np.abs(r - np.median(r)))

    def rho(u):
        a = np.abs(u)
        return np.where(a <= C, 0.5 * u * u, C * a - 0.5 * C * C)

    def f(b):
        return float(np.sum(rho((y - X @ b) / s)))

    def g(b):
        u = (y - X @ b) / s
        return -X.T @ np.clip(u, -C, C) / s

    b = minimize(f, b0, jac=g, method='BFGS', options=dict(gtol=1e-12, maxiter=10000)).x
    for _ in range(50):   # Newton on the piecewise-quadratic objective: exact once the set is right
        u = (y - X @ b) / s
        inner = np.abs(u) <= C
        H = X[inner].T @ X[inner] / s ** 2
        step = np.linalg.solve(H, -g(b))
        b = b + step
        if np.max(np.abs(step)) < 1e-15:
            break
    return b


def main():
    X, y = data()
    b = huber_fixed_scale(X, y)
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'huber_reference.csv')
    with open(out, 'w', newline='') as fh:
        w = csv.writer(fh, lineterminator='\n')
        w.writerow(['kind', 'x1', 'x2', 'x3', 'x4', 'x5', 'y'])
        for row, v in zip(X, y):
            w.writerow(['x'] + [repr(float(a)) for a in row] + [repr(float(v))])
        w.writerow(['beta'] + [repr(float(a)) for a in b] + [''])


if __name__ == '__main__':
    main()
