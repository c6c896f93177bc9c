"""Effective degrees of freedom of a mean absolute difference used as a variance estimate.

For k independent normal differences, s = mean |d_i|; Smyth's moment fit (KPIStats.VariancePrior)
needs the variance of log s^2, which for a sample variance on d df is trigamma(d/2). This script
simulates var(log s^2) for k = 1..24 (4,000,000 draws each, numpy, seed 20261205) and solves
trigamma(d/2) = var for d, the df at which a chi-square variance's log varies as much.
Run from the repository root:  python3 notebooks-data/reference/mean_abs_df_reference.py
Writes mean_abs_df_reference.csv (k,var_log_s2,effective_df) next to this script.
"""
import os
import numpy as np
from scipy.optimize import brentq
from scipy.special import polygamma

rng = np.random.default_rng(20261205)
rows = []
for k in [1, 2, 3, 4, 5, 6, 8, 12, 24]:
    total, total2, n = 0.0, 0.0, 0
    for _ in range(8):
        x = np.log(np.abs(rng.standard_normal((500_000, k))).mean(axis=1) ** 2)
        total += x.sum(); total2 += (x * x).sum(); n += x.size
    var = total2 / n - (total / n) ** 2
    d = brentq(lambda d: polygamma(1, d / 2) - var, 0.01, 10_000, xtol=1e-12)
    rows.append((k, var, d))
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "mean_abs_df_reference.csv")
with open(out, "w") as f:
    f.write("k,var_log_s2,effective_df\n")
    for k, v, d in rows:
        f.write(f"{k},{v:.10g},{d:.10g}\n")
print(open(out).read())
