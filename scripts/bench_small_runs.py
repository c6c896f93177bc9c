#!/usr/bin/env python3
"""Small runs: Tourism split into batches of K series (in file order), each batch one
`kpi-forecast forecast` run, as an analyst forecasting a handful of KPIs would. Prints the
coverage and interval (Winkler) scores of the batches' forecasts on the test split (or, with
--validation, on the last h training values held out), each Winkler score divided by the
series' in-sample seasonal-naive mean absolute error. Not a test: it measures (docs/ACCURACY.md,
"Small runs").

Usage: swift build -c release --product kpi-forecast
       python3 scripts/bench_small_runs.py K [--cut N] [--h H] [--monthly] [--validation]
                                          [--binary B] [--data DIR]
"""
import argparse
import collections
import concurrent.futures as cf
import csv
import os
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ap = argparse.ArgumentParser()
ap.add_argument('k', type=int, help='series per run')
ap.add_argument('--cut', type=int, default=0, help='keep the last N training values of each series')
ap.add_argument('--h', type=int, default=8, help='horizon scored')
ap.add_argument('--monthly', action='store_true', help='Tourism monthly instead of quarterly')
ap.add_argument('--validation', action='store_true', help='hold out the last h training values instead of the test split')
ap.add_argument('--binary', default=os.path.join(ROOT, '.build', 'release', 'kpi-forecast'))
ap.add_argument('--data', default=os.path.join(ROOT, '..', 'shared', 'data', 'benchmarks'))
a = ap.parse_args()
name = 'tourism_monthly' if a.monthly else 'tourism_quarterly'
m = 12 if a.monthly else 4
rows = collections.defaultdict(lambda: {'train': [], 'test': []})
for r in csv.DictReader(open(os.path.join(a.data, f'{name}.csv'))):
    rows[r['series_id']][r['split']].append(float(r['value']))
metaf = os.path.join(a.data, f'{name}_meta_ext.csv')
meta = {r['series_id']: r for r in csv.DictReader(open(metaf))} if os.path.exists(metaf) else {}
ids = sorted(rows, key=lambda s: int(s[1:]))
def series(sid):
    d = rows[sid]; train, test = d['train'], d['test'][:a.h]
    if a.validation:
        test = train[-a.h:]; train = train[:-a.h]
    start = 0
    if a.cut and len(train) > a.cut:
        start = len(train) - a.cut; train = train[-a.cut:]
    return train, test[:a.h], start
def period(sid, i):
    if a.monthly:
        y, mo = 2000 + i // 12, i % 12 + 1
        return f'{y}-{mo:02d}'
    mt = meta.get(sid); y, q = (int(mt['start_year']), int(mt['start_quarter'])) if mt else (1990, 1)
    q0 = (q - 1) + i
    return f'{y + q0 // 4}-Q{q0 % 4 + 1}'
def run(group):
    lines = ['indicator,period,value']
    data = {}
    for sid in group:
        train, test, start = series(sid)
        full = rows[sid]['train']
        scale = sum(abs(full[t] - full[t - m]) for t in range(m, len(full))) / max(len(full) - m, 1)
        data[sid] = (test, scale)
        for i, v in enumerate(train): lines.append(f'{sid},{period(sid, start + i)},{v}')
    with tempfile.NamedTemporaryFile('w', suffix='.csv', delete=False) as f:
        f.write('\n'.join(lines) + '\n')
    out = subprocess.run([a.binary, 'forecast', f.name, '--horizon', str(a.h), '--format', 'csv', '--quiet'],
                         capture_output=True, text=True, check=True).stdout
    os.unlink(f.name)
    by = collections.defaultdict(list)
    for r in csv.DictReader(out.splitlines()): by[r['indicator']].append(r)
    res = []
    for sid, (test, scale) in data.items():
        for h, r in enumerate(by[sid][:len(test)]):
            y = test[h]; l8, h8, l9, h9 = (float(r[c]) for c in ('lo80', 'hi80', 'lo95', 'hi95'))
            w8 = (h8 - l8) + 10 * (max(l8 - y, 0) + max(y - h8, 0)); w9 = (h9 - l9) + 40 * (max(l9 - y, 0) + max(y - h9, 0))
            res.append((l8 <= y <= h8, l9 <= y <= h9, w8 / scale, w9 / scale))
    return res
groups = [ids[i:i + a.k] for i in range(0, len(ids), a.k)]
with cf.ThreadPoolExecutor(2) as ex: allres = list(ex.map(run, groups))
flat = [x for r in allres for x in r]
n = len(flat)
print(f'k={a.k} cut={a.cut or "full"} h={a.h}{" validation" if a.validation else ""}: {len(groups)} runs, {n} points: cov80 {sum(x[0] for x in flat)/n:.3f} cov95 {sum(x[1] for x in flat)/n:.3f} W80 {sum(x[2] for x in flat)/n:.2f} W95 {sum(x[3] for x in flat)/n:.2f}')
