#!/usr/bin/env python3
"""Independent count of the numeric cells in the seed scorecards' tables (for the round-trip test).

    python3 notebooks-data/reference/seed_cell_counts.py [SEEDS_DIR] > notebooks-data/reference/seed-cell-counts.csv

Written separately from the Swift importer, with deliberately simple rules:
- Tables (TSV seeds): a header is a line with two or more cells that look like a period column
  (`Q1 Target 2022/23`, `Q2 2019/20`, `Mar-23`, `Actual Mar-24`, `Target Mar-24`). Value columns are
  every column from the first period column rightwards whose header is a period, a comparator
  (`... Average`, `Comparator Group`) or empty; text columns (reasons, actions, comments, RAG,
  definition) are not. A row below a header counts when its label cells (left of the first value
  column) are not all empty.
- Exception reports (004): the text after `outturn:` and after `Quarterly Target:` (same line or
  the next non-empty line), with `**` markup treated as a separator.
- A cell is numeric when it starts with a number (`-14.50`, `2,720`, `64.00%`, `471 (62.6)`); it
  holds two numbers when it is `number (number)` or `number (number%)`.
Output columns: seed,numeric_cells,numbers,pair_cells.
"""
import os, re, sys

PERIOD = re.compile(r'^(?:(?:Q[1-4] (?:Target |Intervention Level |Outturn )?\d{4}/\d{2})|(?:(?:Actual |Target )?[A-Z][a-z]{2}-\d{2}))$')
NUM = re.compile(r'^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?%?')
PAIR = re.compile(r'^[-+]?[\d,.]+%?\s*\(\s*[-+]?[\d,.]+%?\s*\)$')

def numeric(cell):
    c = cell.strip()
    m = NUM.match(c)
    return bool(m and any(ch.isdigit() for ch in m.group(0)))

def table_counts(lines):
    cells = numbers = pairs = 0
    header = None
    for line in lines:
        parts = line.rstrip('\r').split('\t')
        if len(parts) > 1 and sum(bool(PERIOD.match(p.strip())) for p in parts) >= 2:
            first = min(i for i, p in enumerate(parts) if PERIOD.match(p.strip()))
            cols = [i for i, p in enumerate(parts) if i >= first and (PERIOD.match(p.strip()) or 'average' in p.lower()
                    or 'comparator' in p.lower() or p.strip() == '')]
            header = (first, cols)
            continue
        if header is None or len(parts) < 2:
            continue
        first, cols = header
        if not any(p.strip() for p in parts[:first]):
            continue
        for i in cols:
            if i < len(parts) and numeric(parts[i]):
                cells += 1
                two = bool(PAIR.match(parts[i].strip()))
                numbers += 2 if two else 1
                pairs += two
    return cells, numbers, pairs

def exception_counts(text):
    toks = [t.strip() for line in text.split('\n') for piece in line.split('\t') for t in piece.split('**') if t.strip()]
    cells = numbers = pairs = 0
    for i, t in enumerate(toks):
        for label in ('outturn:', 'Quarterly Target:'):
            if label in t:
                v = t.split(label, 1)[1].strip()
                if not v and i + 1 < len(toks):
                    v = toks[i + 1]
                if numeric(v):
                    cells += 1
                    two = bool(PAIR.match(v))
                    numbers += 2 if two else 1
                    pairs += two
    return cells, numbers, pairs

def main():
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..', '..', 'shared', 'seeds')
    print('seed,numeric_cells,numbers,pair_cells')
    for f in sorted(os.listdir(d)):
        if not (f[:3].isdigit() and f.endswith('.txt')):
            continue
        text = open(os.path.join(d, f), encoding='utf-8').read()
        if 'Indicator Description' in text and 'outturn' in text:
            c = exception_counts(text)
        else:
            c = table_counts(text.split('\n'))
        print(f'{f},{c[0]},{c[1]},{c[2]}')

if __name__ == '__main__':
    main()
