#!/usr/bin/env python3
"""Independent reference for `kpi-forecast benchmark --authority 839` (BCP), from the DfE files.

    python3 notebooks-data/reference/benchmark_bcp.py ../shared/data/dfe > notebooks-data/reference/benchmark-bcp.csv

Implements LAIT's rules (dfe-analytical-services/local-authority-interactive-tool R/fn_analysis.R) with numpy:
England and regional rows as published; statistical-neighbour mean (plain mean of the neighbours with a value)
and median (numpy.median); Good/Outstanding mean over authorities whose Ofsted ILACS overall effectiveness
(as at 31 March 2025, matched by name) is Good or Outstanding; rank 1 = best by polarity with ties at the
minimum (scipy-free: 1 + count strictly better); quartile bands from numpy.percentile (linear = R type 7):
Low: A <= q25 < B <= q50 < C <= q75 < D; High: the letters reversed. Context measures: no rank, no band.
"""
import csv, os, re, sys
import numpy as np

def norm(s):
    s = s.lower().replace('&', 'and')
    for suf in (', city of', ', county of', ' borough'):
        if s.endswith(suf): s = s[:-len(suf)]
    return re.sub(r'[^a-z]', '', s)

def main():
    d = sys.argv[1]
    code = sys.argv[2] if len(sys.argv) > 2 else '839'
    pol = {r['measure_code']: r['polarity'] for r in csv.DictReader(open(os.path.join(d, 'lait_childrens_kpis_measures.csv')))}
    rows = list(csv.DictReader(open(os.path.join(d, 'lait_childrens_kpis_long.csv'))))
    names = {r['old_la_code']: r['area_name'] for r in rows if r['geographic_level'] == 'Local authority'}
    region = next(r['region'] for r in rows if r['old_la_code'] == code)
    sn = next(r for r in csv.DictReader(open(os.path.join(d, 'statistical_neighbours_2025_wide.csv'))) if r['old_la_code'] == code)
    neigh = [sn[f'SN_{i}'] for i in range(1, 11)]
    ofs = {norm(r['Local authority name']): r['Overall effectiveness'] for r in csv.DictReader(open(os.path.join(d, 'ofsted_ilacs_judgements_2025-03-31.csv')))}
    go = {c for c, n in names.items() if ofs.get(norm(n)) in ('Good', 'Outstanding')}
    table = {}
    for r in rows:
        if r['value'] == '': continue
        key = (r['measure_code'], r['period'])
        lvl = r['geographic_level']
        t = table.setdefault(key, {'la': {}, 'england': None, 'region': None})
        if lvl == 'Local authority': t['la'][r['old_la_code']] = float(r['value'])
        elif lvl == 'National': t['england'] = float(r['value'])
        elif lvl == 'Regional' and r['area_name'] == region: t['region'] = float(r['value'])
    w = csv.writer(sys.stdout, lineterminator='\n')
    w.writerow(['measure', 'year', 'value', 'england', 'region_value', 'sn_mean', 'sn_median', 'sn_count', 'good_outstanding_mean', 'good_outstanding_count', 'rank', 'rank_of', 'quartile_band'])
    f = lambda x: '' if x is None else repr(float(x))
    for (m, y) in sorted(table):
        t = table[(m, y)]
        v = t['la'].get(code)
        nv = [t['la'][c] for c in neigh if c in t['la']]
        gv = [x for c, x in t['la'].items() if c in go]
        allv = np.array(list(t['la'].values()))
        rank = band = None
        if v is not None and pol.get(m) in ('High', 'Low'):
            better = (allv > v) if pol[m] == 'High' else (allv < v)
            rank = 1 + int(better.sum())
            q25, q50, q75 = np.percentile(allv, [25, 50, 75])
            low = 0 if v <= q25 else 1 if v <= q50 else 2 if v <= q75 else 3
            band = 'ABCD'[3 - low if pol[m] == 'High' else low]
        w.writerow([m, y, f(v), f(t['england']), f(t['region']), f(np.mean(nv)) if nv else '', f(np.median(nv)) if nv else '', len(nv),
                    f(np.mean(gv)) if gv else '', len(gv), rank or '', len(allv), band or ''])

if __name__ == '__main__':
    main()
