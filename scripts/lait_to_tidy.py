#!/usr/bin/env python3
"""DfE LAIT long extract -> kpi-forecast tidy observations (indicator,period,value,geography,unit,polarity).

Usage: scripts/lait_to_tidy.py [DATA_DIR (default ../shared/data)] [MEASURE ...] > lait.csv
Authorities keep their names as geography; the national rows become `England` (a comparator);
regional rows are left out. Units: % measures -> percent, rates -> rate, numbers -> count;
polarity High -> bigger, Low -> smaller, context-only measures get none. Suppressed cells are
written as empty values (gaps).
"""
import csv
import os
import sys

args = sys.argv[1:]
data = args.pop(0) if args and os.path.isdir(args[0]) else '../shared/data'
wanted = set(args)
meas = {}
with open(os.path.join(data, 'dfe', 'lait_childrens_kpis_measures.csv'), newline='') as f:
    for r in csv.DictReader(f):
        u = r['unit'].lower()
        unit = 'percent' if '%' in u else 'rate' if 'rate' in u else 'count'
        pol = {'High': 'bigger', 'Low': 'smaller'}.get(r['polarity'], '')
        meas[r['measure_code']] = (unit, pol)
w = csv.writer(sys.stdout, lineterminator='\n')
w.writerow(['indicator', 'period', 'value', 'geography', 'unit', 'polarity'])
with open(os.path.join(data, 'dfe', 'lait_childrens_kpis_long.csv'), newline='') as f:
    for r in csv.DictReader(f):
        m = r['measure_code']
        if wanted and m not in wanted:
            continue
        lvl = r['geographic_level']
        if lvl == 'Regional':
            continue
        geo = 'England' if lvl == 'National' else r['area_name']
        unit, pol = meas.get(m, ('count', ''))
        w.writerow([m, r['period'], r['value'], geo, unit, pol])
