#!/usr/bin/env python3
"""National-scale benchmark (issue 10, DESIGN §7). Not a test: it measures, it asserts nothing.

In one invocation it
  1. generates a seeded national workload: 50,000 quarterly series (153 authorities x KPIs) of
     12-40 quarters with seasonality, level shifts, gaps (missing rows and empty cells), percents
     and counts, about 1.26M rows of tidy CSV `indicator,geography,period,value,unit,source`;
     periods are written `2015-Q1` (most series), `2015-03` and `2014/15 Q4`;
  2. runs `kpi-forecast forecast --model regression --horizon 4 --format csv` and `--model auto`;
  3. runs a vectorised numpy + pyarrow pipeline doing the same regression end to end (read with
     pyarrow, group, fit level + trend + quarter dummies on the transformed scale by batched QR
     least squares, Student-t 80% and 95% prediction intervals with the leverage term,
     back-transform, write CSV);
  4. runs R's `tslm` + `forecast` loop on a subset (R is slow per series: the subset's series/s
     is reported; skipped with a note when Rscript or the forecast package is missing);
  5. forecasts the DfE LAIT long file, read by path as published;
  6. runs the default model on Tourism quarterly (427 series, h = 8) beside R `thetaf`.
Each program runs as a child process; wall time and that child's own peak RSS (wait4) are
printed, with series/s and the ratios.

Usage:
  swift build -c release --product kpi-forecast
  python3 scripts/bench_national.py [--series 50000] [--r-series 2000] [--skip-r] [--keep DIR]
Needs numpy, scipy, pyarrow (pip) and optionally R with r-cran-forecast (apt).
"""
import argparse
import csv
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


# ---------------------------------------------------------------------------------------------
# Workload


def generate(path, n_series, seed):
    import numpy as np
    rng = np.random.default_rng(seed)
    authorities = 153
    kpis = (n_series + authorities - 1) // authorities
    rows = 0
    names = [f"LA {a:03d}" for a in range(authorities)]
    names[7] = "Bournemouth, Christchurch and Poole"  # a field that needs quoting
    with open(path, "w", buffering=1 << 20) as f:
        f.write("indicator,geography,period,value,unit,source\n")
        s = 0
        for k in range(kpis):
            percent = k % 5 < 3
            unit = "percent" if percent else "count"
            notation = k % 10  # 0-6: 2015-Q1, 7-8: 2015-03, 9: 2014/15 Q4
            for a in range(authorities):
                if s >= n_series:
                    break
                s += 1
                n = int(rng.integers(12, 41))
                start = int(rng.integers(2008 * 4, 2016 * 4))  # calendar quarter index
                t = np.arange(n)
                season = rng.normal(0, 1, 4)
                season -= season.mean()
                shift = np.zeros(n)
                if rng.random() < 0.3:
                    shift[int(rng.integers(n // 3, n)):] = rng.normal(0, 1.5)
                if percent:
                    base = rng.uniform(-2.5, 2.5)
                    eta = base + 0.01 * rng.normal() * t + 0.3 * season[(start + t) % 4] + 0.3 * shift + rng.normal(0, 0.15, n)
                    vals = 100 / (1 + np.exp(-eta))
                    text = [f"{v:.1f}" for v in vals]
                else:
                    base = rng.uniform(1, 6)
                    eta = base + 0.01 * rng.normal() * t + 0.2 * season[(start + t) % 4] + 0.2 * shift + rng.normal(0, 0.1, n)
                    vals = rng.poisson(np.exp(eta))
                    text = [str(int(v)) for v in vals]
                keep = rng.random(n) > 0.05
                keep[0] = keep[-1] = True
                empty = rng.random(n) < 0.02
                geo = names[a]
                geo = f'"{geo}"' if "," in geo else geo
                ind = f"kpi{k:03d}"
                for i in range(n):
                    if not keep[i]:
                        continue
                    q = start + i
                    y, cq = divmod(q, 4)
                    month = 3 * (cq + 1)
                    if notation <= 6:
                        per = f"{y}-Q{cq + 1}"
                    elif notation <= 8:
                        per = f"{y}-{month:02d}"
                    else:
                        fy = y if month >= 4 else y - 1
                        per = f"{fy}/{(fy + 1) % 100:02d} Q{((month + 8) % 12) // 3 + 1}"
                    f.write(f"{ind},{geo},{per},{'' if empty[i] else text[i]},{unit},synthetic\n")
                    rows += 1
    return rows


# ---------------------------------------------------------------------------------------------
# The numpy + pyarrow pipeline (run as a child: `--numpy-pipeline IN OUT`)


def numpy_pipeline(inp, out):
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pcsv
    from scipy import stats

    tab = pcsv.read_csv(inp, convert_options=pcsv.ConvertOptions(
        column_types={"value": pa.float64(), "period": pa.string(), "indicator": pa.string(), "geography": pa.string()}))
    per = tab.column("period")
    # Period -> month index (year*12 + month-1), vectorised over the three notations.
    year = pc.cast(pc.utf8_slice_codeunits(per, 0, 4), pa.int64()).to_numpy()
    c5 = pc.utf8_slice_codeunits(per, 5, 6).to_numpy(zero_copy_only=False)
    plen = pc.utf8_length(per).to_numpy()
    is_q = c5 == "Q"
    is_fy = plen == 10
    mo = np.zeros(len(year), dtype=np.int64)
    qd = pc.utf8_slice_codeunits(per, 6, 7).to_numpy(zero_copy_only=False)
    mm = pc.utf8_slice_codeunits(per, 5, 7).to_numpy(zero_copy_only=False)
    fq = pc.utf8_slice_codeunits(per, 9, 10).to_numpy(zero_copy_only=False)
    sel = is_q
    mo[sel] = year[sel] * 12 + 3 * qd[sel].astype(np.int64) - 1
    sel = ~is_q & ~is_fy
    mo[sel] = year[sel] * 12 + mm[sel].astype(np.int64) - 1
    sel = is_fy
    mo[sel] = year[sel] * 12 + 3 + 3 * fq[sel].astype(np.int64) - 1
    # Series id by (indicator, geography), then sort by (series, month).
    key = pc.binary_join_element_wise(tab.column("indicator"), tab.column("geography"), "\x1f")
    uniq, sid = np.unique(key.to_numpy(zero_copy_only=False), return_inverse=True)
    order = np.lexsort((mo, sid))
    sid, mo = sid[order], mo[order]
    val = tab.column("value").to_numpy(zero_copy_only=False)[order]
    unit = (tab.column("unit").to_numpy(zero_copy_only=False) == "percent")[order]
    S = len(uniq)
    first = np.full(S, np.iinfo(np.int64).max)
    np.minimum.at(first, sid, mo)
    last = np.zeros(S, dtype=np.int64)
    np.maximum.at(last, sid, mo)
    pos = (mo - first[sid]) // 3
    L = int(pos.max()) + 1
    n_len = (last - first) // 3 + 1
    pct = np.zeros(S, dtype=bool)
    pct[sid] = unit
    Y = np.full((S, L), np.nan)
    Y[sid, pos] = val
    obs = ~np.isnan(Y)
    # Transforms as the engine's auto rule: percent -> logit (eps inside bounds), counts -> log or sqrt.
    Yp = np.where(obs, Y, 50.0)
    eps = 0.05
    Z = np.empty_like(Y)
    Yc = np.clip(Yp, eps, 100 - eps)
    Z[pct] = np.log(Yc[pct] / (100 - Yc[pct]))
    cnt = ~pct
    has0 = np.any(obs & (Yp <= 0), axis=1)
    uselog = cnt & ~has0
    usesqrt = cnt & has0
    Z[uselog] = np.log(np.where(obs[uselog], Yp[uselog], 1.0))
    Z[usesqrt] = np.sqrt(np.where(obs[usesqrt], Yp[usesqrt], 0.0))
    # Design: intercept, t, 3 quarter dummies (baseline = first quarter of the series).
    H = 4
    tt = np.arange(L + H, dtype=float)
    season = (np.arange(L + H)[None, :] + (first // 3)[:, None]) % 4
    X = np.zeros((S, L + H, 5))
    X[:, :, 0] = 1
    X[:, :, 1] = tt[None, :] + 1
    for j in range(1, 4):
        X[:, :, 1 + j] = season == j
    Xf = X[:, :L, :] * obs[:, :, None]
    Zf = np.where(obs, Z, 0.0)
    Q, R = np.linalg.qr(Xf)
    # Aliased columns (a quarter never observed): pin the coefficient to 0, as lm drops them.
    d = np.abs(np.diagonal(R, axis1=1, axis2=2)) < 1e-9
    R[:, np.arange(5), np.arange(5)] += d
    qty = np.einsum("slp,sl->sp", Q, Zf)
    beta = np.linalg.solve(R, qty[..., None])[..., 0]
    resid = (Zf - np.einsum("slp,sp->sl", Xf, beta)) * obs
    nobs = obs.sum(axis=1)
    df = np.maximum(nobs - 5, 1)
    sigma = np.sqrt((resid ** 2).sum(axis=1) / df)
    # Forecast rows at positions n_len .. n_len+H-1.
    idx = n_len[:, None] + np.arange(H)[None, :]
    X0 = np.take_along_axis(X, idx[:, :, None], axis=1)
    mean = np.einsum("shp,sp->sh", X0, beta)
    Rinv = np.linalg.inv(R)
    w = np.einsum("shp,spq->shq", X0, Rinv)
    scale = sigma[:, None] * np.sqrt(1 + (w ** 2).sum(axis=2))
    cols = [mean]
    for lev in (0.8, 0.95):
        tq = stats.t.ppf(0.5 + lev / 2, df)[:, None]
        cols += [mean - tq * scale, mean + tq * scale]

    def back(a):
        b = np.empty_like(a)
        b[pct] = 100 / (1 + np.exp(-a[pct]))
        b[uselog] = np.exp(a[uselog])
        b[usesqrt] = np.maximum(a[usesqrt], 0) ** 2
        return b
    cols = [back(c) for c in cols]
    months = last[:, None] + 3 * (np.arange(H)[None, :] + 1)
    ind, geo = zip(*(u.split("\x1f") for u in uniq))
    out_tab = pa.table({
        "indicator": np.repeat(np.array(ind, dtype=object), H),
        "geography": np.repeat(np.array(geo, dtype=object), H),
        "period": pc.binary_join_element_wise(
            pc.cast(pa.array((months // 12).ravel()), pa.string()),
            pc.utf8_lpad(pc.cast(pa.array((months % 12 + 1).ravel()), pa.string()), 2, "0"), "-"),
        "mean": cols[0].ravel(), "lo80": cols[1].ravel(), "hi80": cols[2].ravel(),
        "lo95": cols[3].ravel(), "hi95": cols[4].ravel(),
        "model": pa.array(["regression"] * (S * H)),
    })
    pcsv.write_csv(out_tab, out, pcsv.WriteOptions(quoting_style="needed"))


# ---------------------------------------------------------------------------------------------
# Runners


def run_child(argv, stdout=None, env=None):
    """Runs argv; returns (wall seconds, peak RSS in MB of that child, exit code)."""
    t0 = time.perf_counter()
    with open(os.devnull, "w") as devnull:
        p = subprocess.Popen(argv, stdout=stdout or devnull, stderr=subprocess.PIPE, env=env)
        err = p.stderr.read()
        _, status, ru = os.wait4(p.pid, 0)
    dt = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode not in (0,):
        sys.stderr.write(err.decode(errors="replace")[-2000:])
    return dt, ru.ru_maxrss / 1024, p.returncode


def line(label, n, dt, rss, rc=0):
    rate = n / dt if dt > 0 else float("inf")
    flag = "" if rc == 0 else f"  (exit {rc})"
    print(f"  {label:<34} {n:>7,} series {dt:8.2f} s {rate:>10,.0f} series/s  peak RSS {rss:7.0f} MB{flag}", flush=True)
    return rate


def have_r():
    if not shutil.which("Rscript"):
        return False
    r = subprocess.run(["Rscript", "-e", "suppressMessages(library(forecast))"], capture_output=True)
    return r.returncode == 0


R_TSLM = r"""
suppressMessages(library(forecast))
args <- commandArgs(TRUE)
d <- read.csv(args[1], stringsAsFactors = FALSE)
key <- paste(d$indicator, d$geography, sep = "|")
rows <- split(seq_len(nrow(d)), factor(key, levels = unique(key)))
keys <- names(rows)
q <- function(p) {
  y <- as.integer(substr(p, 1, 4))
  ifelse(substr(p, 6, 6) == "Q", y * 4 + as.integer(substr(p, 7, 7)) - 1,
         ifelse(nchar(p) == 10, y * 4 + as.integer(substr(p, 10, 10)), y * 4 + as.integer(substr(p, 6, 7)) %/% 3 - 1))
}
out <- vector("list", length(keys))
for (i in seq_along(keys)) {
  s <- d[rows[[i]], ]
  qi <- q(s$period); o <- order(qi); qi <- qi[o]
  v <- rep(NA_real_, max(qi) - min(qi) + 1); v[qi - min(qi) + 1] <- s$value[o]
  y <- ts(v, start = c(min(qi) %/% 4, min(qi) %% 4 + 1), frequency = 4)
  lam <- if (s$unit[1] == "percent") NULL else if (all(v > 0, na.rm = TRUE)) 0 else NULL
  f <- tryCatch(forecast(tslm(y ~ trend + season, lambda = lam), h = 4, level = c(80, 95)), error = function(e) NULL)
  if (is.null(f)) next
  out[[i]] <- data.frame(series = keys[i], mean = as.numeric(f$mean), lo80 = as.numeric(f$lower[, 1]),
                         hi80 = as.numeric(f$upper[, 1]), lo95 = as.numeric(f$lower[, 2]), hi95 = as.numeric(f$upper[, 2]))
}
write.csv(do.call(rbind, out), args[2], row.names = FALSE)
"""

R_THETA = r"""
suppressMessages(library(forecast))
args <- commandArgs(TRUE)
d <- read.csv(args[1], stringsAsFactors = FALSE)
d <- d[d$split == "train", ]
ids <- unique(d$series_id)
t0 <- proc.time()[["elapsed"]]
out <- lapply(ids, function(id) { y <- ts(d$value[d$series_id == id], frequency = 4); as.numeric(thetaf(y, h = 8)$mean) })
cat(sprintf("%.3f\n", proc.time()[["elapsed"]] - t0), file = args[2])
"""


def tourism_tidy(src, meta, dst):
    import csv
    start = {}
    if os.path.exists(meta):
        with open(meta, newline="") as f:
            for r in csv.DictReader(f):
                start[r["series_id"]] = int(r["start_year"]) * 4 + int(r["start_quarter"]) - 1
    n = 0
    with open(src, newline="") as f, open(dst, "w") as g:
        g.write("indicator,period,value\n")
        seen = set()
        for r in csv.DictReader(f):
            if r["split"] != "train":
                continue
            sid = r["series_id"]
            seen.add(sid)
            q = start.get(sid, 2000 * 4) + int(r["period_index"]) - 1
            g.write(f"{sid},{q // 4}-Q{q % 4 + 1},{r['value']}\n")
        n = len(seen)
    return n


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--series", type=int, default=50000)
    ap.add_argument("--seed", type=int, default=20261204)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build/release/kpi-forecast"))
    ap.add_argument("--r-series", type=int, default=2000, help="series in R's tslm loop (R is slow per series)")
    ap.add_argument("--skip-r", action="store_true")
    ap.add_argument("--skip-auto", action="store_true")
    ap.add_argument("--skip-numpy", action="store_true", help="skip the numpy pipeline (e.g. for a --series 460000 memory run)")
    ap.add_argument("--only", choices=["national", "lait", "tourism"], action="append")
    ap.add_argument("--data", default=os.path.join(os.path.dirname(ROOT), "shared", "data"))
    ap.add_argument("--keep", help="keep the workload and outputs in this folder")
    ap.add_argument("--numpy-pipeline", nargs=2, metavar=("IN", "OUT"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.numpy_pipeline:
        numpy_pipeline(*a.numpy_pipeline)
        return
    if not os.path.exists(a.binary):
        sys.exit(f"{a.binary} not found: swift build -c release --product kpi-forecast")
    only = set(a.only or ["national", "lait", "tourism"])
    tmp = a.keep or tempfile.mkdtemp(prefix="kpi-national-")
    os.makedirs(tmp, exist_ok=True)
    try:
        load = os.getloadavg()
        print(f"bench_national: {os.cpu_count()} cores, load average before {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
        r_ok = not a.skip_r and have_r()
        if not a.skip_r and not r_ok:
            print("  note: Rscript with the forecast package not found (apt-get install r-cran-forecast): R runs skipped")
        if "national" in only:
            path = os.path.join(tmp, "national.csv")
            t0 = time.perf_counter()
            rows = generate(path, a.series, a.seed)
            print(f"national workload: {a.series:,} series, {rows:,} rows, {os.path.getsize(path) / 1e6:.1f} MB "
                  f"(generated in {time.perf_counter() - t0:.1f} s, seed {a.seed})")
            n = a.series
            dt, rss, rc = run_child([a.binary, "forecast", path, "--model", "regression", "--horizon", "4", "--format", "csv",
                                     "--output", os.path.join(tmp, "swift_regression.csv")])
            swift_reg = line("kpi-forecast --model regression", n, dt, rss, rc)
            np_rate = None
            if not a.skip_numpy:
                dt, rss, rc = run_child([sys.executable, os.path.abspath(__file__), "--numpy-pipeline", path,
                                         os.path.join(tmp, "numpy_regression.csv")])
                np_rate = line("numpy + pyarrow regression", n, dt, rss, rc)
            auto_rate = None
            if not a.skip_auto:
                dt, rss, rc = run_child([a.binary, "forecast", path, "--model", "auto", "--horizon", "4", "--format", "csv",
                                         "--output", os.path.join(tmp, "swift_auto.csv")])
                auto_rate = line("kpi-forecast --model auto", n, dt, rss, rc)
            r_rate = None
            if r_ok:
                rs = os.path.join(tmp, "tslm.R")
                with open(rs, "w") as f:
                    f.write(R_TSLM)
                k = min(a.r_series, n)
                subset = os.path.join(tmp, "national_r_subset.csv")
                with open(path) as f, open(subset, "w") as g:
                    g.write(next(f))
                    keys = set()
                    for l in f:
                        ig = l[:l.index(",", l.index(",") + 1 + (1 if l.split(",")[1].startswith('"') else 0))]
                        if ig not in keys:
                            if len(keys) == k:
                                break
                            keys.add(ig)
                        g.write(l)
                dt, rss, rc = run_child(["Rscript", rs, subset, os.path.join(tmp, "r_tslm.csv")])
                r_rate = line(f"R tslm loop (first {k:,} series)", k, dt, rss, rc)
            if np_rate:
                print(f"  ratio regression / numpy: {swift_reg / np_rate:.2f}x (goal >= 3)")
            if auto_rate:
                print(f"  auto: {auto_rate:,.0f} series/s (goal >= 5,000)")
            if r_rate:
                print(f"  ratio regression / R tslm: {swift_reg / r_rate:.0f}x")
        if "lait" in only:
            # The extract as published, read by path (kpi-forecast recognises LAIT's header):
            # authorities, England and the regions, one series per measure and area.
            lait = os.path.join(a.data, "dfe", "lait_childrens_kpis_long.csv")
            with open(lait, newline="") as f:
                keys = {(r["measure_code"], "England" if r["geographic_level"] == "National" else r["area_name"])
                        for r in csv.DictReader(f)}
            n = len(keys)
            print(f"DfE LAIT long file ({lait}, read by path): {n:,} series")
            for model in ("auto", "regression"):
                dt, rss, rc = run_child([a.binary, "forecast", lait, "--model", model, "--format", "csv",
                                         "--output", os.path.join(tmp, f"lait_{model}.csv")])
                line(f"kpi-forecast --model {model}", n, dt, rss, rc)
        if "tourism" in only:
            src = os.path.join(a.data, "benchmarks", "tourism_quarterly.csv")
            tidy = os.path.join(tmp, "tourism.csv")
            n = tourism_tidy(src, os.path.join(a.data, "benchmarks", "tourism_quarterly_meta_ext.csv"), tidy)
            print(f"Tourism quarterly ({n} series, h = 8):")
            dt, rss, rc = run_child([a.binary, "forecast", tidy, "--horizon", "8", "--format", "csv",
                                     "--output", os.path.join(tmp, "tourism_default.csv")])
            ours = dt
            line("kpi-forecast (default model)", n, dt, rss, rc)
            if r_ok:
                rs = os.path.join(tmp, "theta.R")
                with open(rs, "w") as f:
                    f.write(R_THETA)
                inner = os.path.join(tmp, "theta_time.txt")
                dt, rss, rc = run_child(["Rscript", rs, src, inner])
                line("R thetaf (whole Rscript)", n, dt, rss, rc)
                with open(inner) as f:
                    t_inner = float(f.read())
                print(f"  R thetaf loop alone: {t_inner:.2f} s; ours / R: {ours / dt:.2f} of the whole Rscript, "
                      f"{ours / t_inner:.2f} of the loop alone (goal <= 0.25)")
        print(f"load average after {os.getloadavg()[0]:.2f}")
    finally:
        if not a.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
