#!/usr/bin/env python3
"""Writes the awkward-input corpus (issue 13) next to this script: every file the manifest
(manifest.tsv) names. Run it after changing a case; the files are committed, so the test
needs no Python. Bytes are written exactly (BOM, CRLF, NUL, Windows-1252)."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, data):
    path = os.path.join(HERE, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def quarters(n, start=(2021, 6)):
    y, m = start
    out = []
    for _ in range(n):
        out.append(f"{y}-{m:02d}")
        m += 3
        if m > 12:
            m -= 12
            y += 1
    return out


VALUES = [20.1, 19.4, 22.3, 21.0, 19.8, 18.9, 21.7, 20.6, 19.2, 18.5, 21.1, 20.0]


def tidy(indicator="k", extra_header="", extra=lambda i: "", values=VALUES, periods=None):
    periods = periods or quarters(len(values))
    lines = [f"indicator,period,value{extra_header}"]
    for i, (p, v) in enumerate(zip(periods, values)):
        lines.append(f"{indicator},{p},{v}{extra(i)}")
    return "\n".join(lines) + "\n"


# A catalogue for the corpus: one percent KPI, smaller is better, snapshot basis.
write("catalogue/kpis.yaml", """indicators:
  - id: k-percent
    title: A percent KPI
    unit: percent
    polarity: smaller
    basis: snapshot
    frequency: quarterly
    targets: {2023/24: 18}
    intervention_levels: {2023/24: 24}
""")

good = tidy()
write("good.csv", good)
write("bom.csv", b"\xef\xbb\xbf" + good.encode())
write("crlf.csv", good.replace("\n", "\r\n"))
write("quotes.csv", tidy(indicator='"k, ""quoted"" name"'))
write("huge-number.csv", good.replace("18.5", "1e400"))
write("long-line.csv", tidy(extra_header=",note", extra=lambda i: "," + ("x" * 200_000 if i == 3 else "")))
write("nul-byte.csv", good.replace("19.4", "19\x004"))
write("windows-1252.csv", tidy(indicator="caf\xe9").encode("cp1252"))
write("header-only.csv", "indicator,period,value\n")
write("empty.csv", "")
write("not-a-number.csv", good.replace("19.4", "about 19"))
write("bad-period.csv", good.replace("2021-09", "Sept 2021 Q7"))
write("duplicate.csv", good + "k,2021-06,20\n")
write("wrong-field-count.csv", good.replace("k,2021-09,19.4", "k,2021-09,19.4,extra"))
write("unterminated-quote.csv", good + 'k,"2024-06,20\n')
write("missing-column.csv", good.replace("indicator,period,value", "indicator,period,valeu"))
write("two-units.csv", tidy(extra_header=",unit", extra=lambda i: ",percent" if i == 5 else ",count"))
write("two-polarities.csv", tidy(extra_header=",polarity", extra=lambda i: ",bigger" if i == 2 else ",smaller"))
write("unit-conflict.csv", tidy(indicator="k-percent", extra_header=",unit", extra=lambda i: ",count"))
write("polarity-conflict.csv", tidy(indicator="k-percent", extra_header=",polarity", extra=lambda i: ",bigger"))
write("basis-conflict.csv", tidy(indicator="k-percent", extra_header=",basis", extra=lambda i: ",Year to Date"))
write("percent.csv", tidy(indicator="k-percent"))
write("out-of-bounds.csv", tidy(indicator="k-percent").replace("21.0", "150"))
months = [f"2022-{m:02d}" for m in range(1, 13)]
write("mixed-frequency.csv", tidy(values=VALUES + VALUES, periods=quarters(12, (2019, 3)) + months))
write("future.csv", tidy(periods=quarters(12, (2097, 6))))
write("missing-markers.csv", good.replace("19.4", "x").replace("21.0", "NaN").replace("18.9", "-"))
write("multi-authority.csv", tidy(indicator="permanent-exclusions", extra_header=",geography", extra=lambda i: ",Aaa")
      + "".join(f"permanent-exclusions,{p},{v + 10},Bbb\n" for p, v in zip(quarters(12), VALUES)))
write("exclusions.csv", tidy(indicator="permanent-exclusions", values=[4, 6, 5, 7, 5, 6, 8, 6, 5, 7, 6, 8]))
write("huge-finite.csv", tidy(extra_header=",unit,polarity", extra=lambda i: ",count,smaller", values=[v * 1e298 for v in VALUES]))
write("all-missing.csv", "indicator,period,value\nk,2023-06,x\nk,2023-09,NaN\n")
write("one-row.csv", "indicator,period,value\nk,2023-06,5\n")
write("scorecard.tsv", "Measure\tQ1 Target 2022/23\tQ1 Outturn 2022/23\tQ2 Target 2022/23\tQ2 Outturn 2022/23\n"
      "Timeliness of assessments\t88\t70\t88\t83.5\n")

# Scenario files.
def scen(body):
    return "scenarios:\n  - name: baseline\n  - name: plan\n" + body

effect = "    effects:\n      - indicator: k\n        change: -1\n        from: 2023/24 Q2\n"
write("scenarios/baseline-only.yaml", "scenarios:\n  - name: baseline\n")
write("scenarios/good.yaml", scen(effect))
write("scenarios/bom-crlf.yaml", b"\xef\xbb\xbf" + scen(effect).replace("\n", "\r\n").encode())
write("scenarios/unknown-key.yaml", scen(effect + "        rmap: 4\n"))
write("scenarios/misspelt-effects.yaml", scen(effect.replace("effects:", "effect:")))
write("scenarios/unknown-indicator.yaml", scen(effect.replace("indicator: k", "indicator: kk-typo")))
write("scenarios/missing-from.yaml", scen(effect.replace("        from: 2023/24 Q2\n", "")))
write("scenarios/relative-percent.yaml", scen(effect.replace("change: -1", "relative: -200%")))
write("scenarios/wrong-type.yaml", scen(effect.replace("change: -1", "change: lots")))
write("scenarios/ramp-zero.yaml", scen(effect + "        ramp: 0\n"))
write("scenarios/clamped.yaml", scen(effect.replace("change: -1", "change: -50").replace("indicator: k", "indicator: k-percent")))
write("scenarios/not-yaml.yaml", "scenarios:\n  - name: [unclosed\n")
write("scenarios/nul-byte.yaml", scen(effect).replace("plan", "pl\x00an"))
write("scenarios/share-out-of-range.yaml", scen("    convergence:\n      - indicator: k\n        value: 10\n        share: 1.5\n"))

# Catalogue folders (one file each).
base = "indicators:\n  - id: k\n    title: K\n    unit: percent\n"
write("catalogues/unknown-key/k.yaml", base.replace("unit:", "unti:"))
write("catalogues/wrong-type/k.yaml", base + "    bounds: lots\n")
write("catalogues/missing-field/k.yaml", base.replace("    title: K\n", ""))
write("catalogues/out-of-range/k.yaml", base + "    targets: {2023/24: 120}\n")
write("catalogues/bad-unit/k.yaml", base.replace("percent", "percnt"))
write("catalogues/not-utf8/k.yaml", (base + "    definition: caf\xe9\n").encode("cp1252"))
