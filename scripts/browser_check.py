#!/usr/bin/env python3
"""Renders the committee pack in headless Chromium (Debian's `chromium`) and checks it as a reader
sees it: every current KPI has its scorecard row and its chart, every indicator of the input is
somewhere in the pack, nothing is wider than an A4 landscape page (277 mm = 1047 px at 96 dpi), no
table cell's text overflows it, and the page makes no network request (a Content-Security-Policy
`default-src 'none'`, no external src/href in the file, and zero resources fetched when loaded
without that policy). Writes pack.html, pack.png (the first screen), pack.pdf (A4 print) to --out.

Usage: python3 scripts/browser_check.py --binary .build/debug/kpi-forecast [--input notebooks-data/bcp-kpis.csv] --out DIR
Exit 0 when every check passes; prints one line per check and a closing 'N passed, M failed'.
"""
import argparse
import csv
import json
import os
import re
import shutil
import subprocess
import sys

A4_LANDSCAPE_PX = 1047  # 297 mm - 2 x 10 mm margins, at 96 px per inch

CHECK_JS = r"""
<script>
window.addEventListener('load', function () {
  var w = window.innerWidth;
  var rows = Array.from(document.querySelectorAll('table.scorecard tr[data-kpi]')).map(function (r) { return r.dataset.kpi; });
  var charts = Array.from(document.querySelectorAll('article.kpi-detail')).filter(function (a) {
    var s = a.querySelector('svg.chart'); return s && s.getBoundingClientRect().width > 100 && s.querySelectorAll('polyline,circle').length > 0;
  }).map(function (a) { return a.dataset.kpi; });
  var notRecent = Array.from(document.querySelectorAll('#not-recent tr[data-kpi]')).map(function (r) { return r.dataset.kpi; });
  var wide = [];
  Array.from(document.body.querySelectorAll('*')).forEach(function (el) {
    var r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > w + 0.5 && wide.length < 10) wide.push(el.tagName + '.' + el.className.baseVal + el.className + ' right=' + Math.round(r.right));
  });
  var overflowing = [];
  Array.from(document.querySelectorAll('th,td,dd,dt,h1,h2,h3,h4,p,li')).forEach(function (el) {
    if (el.scrollWidth > el.clientWidth + 1 && overflowing.length < 10) overflowing.push(el.tagName + ': ' + el.textContent.trim().slice(0, 40) + ' (' + el.scrollWidth + ' > ' + el.clientWidth + ')');
  });
  var out = {
    innerWidth: w, scrollWidth: document.documentElement.scrollWidth, rows: rows, charts: charts, notRecent: notRecent,
    wide: wide, overflowing: overflowing, resources: performance.getEntriesByType('resource').map(function (e) { return e.name; })
  };
  var pre = document.createElement('pre'); pre.id = 'check-result'; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>
"""


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


PROFILE = None


def run_chrome(binary, args, timeout=180):
    base = [binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--user-data-dir=" + PROFILE,
            "--disable-extensions", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-domain-reliability", "--no-default-browser-check", "--mute-audio",
            # No name resolves: the browser cannot reach any host, whatever the page asks for.
            "--host-resolver-rules=MAP * ~NOTFOUND"]
    return subprocess.run(base + args, capture_output=True, text=True, timeout=timeout)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--input", default="notebooks-data/bcp-kpis.csv")
    ap.add_argument("--catalogue", default="models")
    ap.add_argument("--out", required=True)
    ap.add_argument("--html", help="check this pack instead of rendering one (to see the checks fail on a broken page)")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    global PROFILE
    PROFILE = os.path.abspath(os.path.join(a.out, "chromium-profile"))  # no HOME needed (CI)
    results = []

    def check(name, ok, detail=""):
        results.append(ok)
        print(("ok    " if ok else "FAIL  ") + name + ("" if ok else ": " + detail))

    browser = chromium()
    if browser is None:
        print("FAIL  chromium not found: run scripts/setup.sh (installs Debian's chromium)")
        print("0 passed, 1 failed")
        return 1

    html_path = os.path.join(a.out, "pack.html")
    if a.html:
        shutil.copyfile(a.html, html_path)
        r = subprocess.CompletedProcess([], 0, "", "")
    else:
        r = subprocess.run([a.binary, "report", a.input, "--catalogue", a.catalogue, "--authority", "BCP Council",
                            "--date", "2026-12-04", "--output", html_path], capture_output=True, text=True, timeout=300)
    check("report exits 0", r.returncode == 0, r.stderr[-500:])
    if r.returncode != 0:
        print(f"{sum(results)} passed, {len(results) - sum(results)} failed")
        return 1
    html = open(html_path, encoding="utf-8").read()

    # No network: the policy, and nothing external to fetch.
    check("CSP default-src 'none'", re.search(r"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'", html) is not None)
    external = re.findall(r"""(?:src|href|xlink:href)\s*=\s*["']?\s*(?:https?:|//)[^"' >]*""", html, re.I)
    check("no external src/href", not external, str(external[:3]))
    check("no script, link, @import or url()", not re.search(r"<script|<link|@import|url\(", html, re.I))

    # Which indicators the pack should hold: those with a value in the last five quarters.
    rows = [x for x in csv.DictReader(open(a.input, encoding="utf-8")) if x.get("value", "").strip() not in ("", "n/a")]
    own = [x for x in rows if x.get("geography", "") in ("",)]
    last = {}
    for x in own:
        last[x["indicator"]] = max(last.get(x["indicator"], ""), x["period"])
    latest = max(last.values())
    y, m = int(latest[:4]), int(latest[5:7])
    m -= m % 3
    first_q = (y * 12 + m - 1) - 12  # month index of the first of the five quarter-ends
    first = f"{first_q // 12:04d}-{first_q % 12 + 1:02d}"
    expected = sorted(k for k, p in last.items() if p >= first)

    check_path = os.path.join(a.out, "pack-check.html")
    probe = re.sub(r"<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "", html).replace("</body>", CHECK_JS + "</body>")
    open(check_path, "w", encoding="utf-8").write(probe)
    d = run_chrome(browser, [f"--window-size={A4_LANDSCAPE_PX},1400", "--virtual-time-budget=10000", "--dump-dom",
                             "file://" + os.path.abspath(check_path)])
    m_res = re.search(r"<pre id=\"check-result\">(.*?)</pre>", d.stdout, re.S)
    check("page loads in chromium", m_res is not None, d.stderr[-500:])
    if m_res:
        res = json.loads(m_res.group(1).replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"))
        check(f"every current KPI has its scorecard row ({len(expected)})", sorted(res["rows"]) == expected,
              f"missing {sorted(set(expected) - set(res['rows']))[:5]}, extra {sorted(set(res['rows']) - set(expected))[:5]}")
        check("every scorecard row has its chart", sorted(res["charts"]) == sorted(res["rows"]),
              f"no chart: {sorted(set(res['rows']) - set(res['charts']))[:5]}")
        check("every input indicator is in the pack", set(last) <= set(res["rows"]) | set(res["notRecent"]),
              str(sorted(set(last) - set(res["rows"]) - set(res["notRecent"]))[:5]))
        check(f"nothing wider than the A4 page ({res['scrollWidth']} <= {res['innerWidth']})",
              res["scrollWidth"] <= res["innerWidth"] and not res["wide"], str(res["wide"][:3]))
        check("no text overflows its cell", not res["overflowing"], "; ".join(res["overflowing"][:5]))
        check("no resource fetched", not res["resources"], str(res["resources"][:3]))

    png = os.path.join(a.out, "pack.png")
    s = run_chrome(browser, [f"--window-size={A4_LANDSCAPE_PX},2400", "--screenshot=" + png, "file://" + os.path.abspath(html_path)])
    check("screenshot written", os.path.exists(png) and os.path.getsize(png) > 20000, s.stderr[-300:])
    pdf = os.path.join(a.out, "pack.pdf")
    p = run_chrome(browser, ["--no-pdf-header-footer", "--print-to-pdf=" + pdf, "file://" + os.path.abspath(html_path)])
    ok = os.path.exists(pdf) and open(pdf, "rb").read(5) == b"%PDF-"
    check("A4 print to PDF", ok, p.stderr[-300:])
    if ok:
        # Page size: A4 landscape is 842 x 595 points.
        boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", open(pdf, "rb").read())
        check(f"PDF pages are A4 landscape ({len(boxes)} pages)", boxes and all(abs(float(w) - 842) < 2 and abs(float(h) - 595) < 2 for w, h in boxes),
              str(boxes[:2]))
    passed = sum(results)
    print(f"{passed} passed, {len(results) - passed} failed")
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
