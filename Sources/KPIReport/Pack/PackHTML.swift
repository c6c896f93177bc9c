import Foundation
import KPIData
import KPIForecast
import KPIPlanning
import KPIStats

/// The committee pack as one self-contained HTML page: no scripts, no fonts or images from
/// elsewhere (a Content-Security-Policy forbids any request), inline SVG drawn by
/// ``SVGDocument``, laid out for A4 landscape print.
public enum PackHTML {
  static func e(_ s: String) -> String { SVGDocument.escape(s) }

  public static func render(_ pack: CommitteePack) -> String {
    var h = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(e(pack.authority)) — \(e(pack.title))</title>
      <style>\(css)</style></head><body>
      <header class="cover"><p class="authority">\(e(pack.authority))</p><h1>\(e(pack.title))</h1>
      <p class="meta">Performance scorecard, SPC signals, year-end forecasts and exception-report drafts · data to the end of \(e(Wording.quarterLong(pack.quarter))) · prepared \(e(pack.date))</p></header>

      """
    h += summary(pack)
    h += key()
    h += "<section id=\"scorecard\"><h2>Scorecard</h2>\n"
    for g in pack.groups { h += scorecardTable(g.name, g.kpis, pack) }
    h += "</section>\n"
    h += "<section id=\"detail\"><h2>Indicators in detail</h2>\n" + chartKey()
    for g in pack.groups {
      h += "<h3 class=\"group\">\(e(g.name))</h3>\n"
      for k in g.kpis { h += detail(k, pack) }
    }
    h += "</section>\n"
    h += exceptions(pack)
    if !pack.notRecent.isEmpty {
      h += "<section id=\"not-recent\"><h2>Indicators with no value in the last five quarters</h2>"
      h += "<p>Listed for completeness; not forecast in this pack.</p><table class=\"plain\"><thead><tr><th>Indicator</th><th>Last value</th></tr></thead><tbody>"
      for r in pack.notRecent { h += "<tr data-kpi=\"\(e(r.key))\"><td>\(e(r.title))</td><td>\(e(r.last))</td></tr>" }
      h += "</tbody></table></section>\n"
    }
    h += method(pack)
    h += "</body></html>\n"
    return h
  }

  static func summary(_ pack: CommitteePack) -> String {
    let kpis = pack.kpis
    let met = kpis.filter { $0.status == .green }.count, between = kpis.filter { $0.status == .amber }.count
    let worse = kpis.filter { $0.status == .red }.count, none = kpis.filter { $0.status == nil }.count
    let signals = kpis.filter { $0.spc.chart.points.last?.type.isSpecialCause == true }
    var s = "<section id=\"summary\"><h2>Summary</h2><ul>"
    s += "<li>\(kpis.count) indicators with data in the last five quarters. At the year-end \(e(yearEnds(kpis))), \(met) are forecast to meet their target ★, \(between) to fall short of it ●, and \(worse) to be significantly worse than target ▲\(none > 0 ? "; \(none) have no target" : "").</li>"
    s += "<li>\(pack.exceptions.count) exception report\(pack.exceptions.count == 1 ? "" : "s") drafted (every ▲, and ● with under a 20% chance of meeting the target).</li>"
    s += "<li>\(signals.count) indicator\(signals.count == 1 ? " shows" : "s show") a sign of real change in the latest value"
    if !signals.isEmpty { s += ": " + signals.map { "\(e($0.title)) (\(e(PackIcons.short($0.spc.chart.variation))))" }.joined(separator: "; ") }
    s += ".</li></ul></section>\n"
    return s
  }

  static func yearEnds(_ kpis: [PackKPI]) -> String {
    let years = Array(Set(kpis.map { $0.outlook.yearEnd.financialYearLabel })).sorted()
    return years.count <= 2 ? years.joined(separator: " and ") : "\(years.first ?? "") to \(years.last ?? "")"
  }

  static func key() -> String {
    """
    <section id="key" class="key"><h2>Key to symbols</h2><ul>
    <li>\(PackIcons.status(.green)) forecast meets the target · \(PackIcons.status(.amber)) forecast between the target and the intervention level · \(PackIcons.status(.red)) forecast significantly worse than target: past the intervention level, or more than 10% of the target short where no level is published (an exception report is due)</li>
    <li>SPC (statistical process control, NHS "Making Data Count"): \(PackIcons.variation(.commonCause)) no sign of real change · \(PackIcons.variation(.improvementHigh)) a sign of real change for the better (H high, L low) · \(PackIcons.variation(.concernLow)) a sign of real change for the worse · \(PackIcons.variation(.neutralHigh)) a sign of real change where neither direction is better</li>
    <li>P(meet) is the chance the year-end outturn meets the target, read from the forecast. The forecast range is the middle 80% of outcomes.</li>
    </ul></section>

    """
  }

  static func chartKey() -> String {
    var svg = SVGDocument(width: 790, height: 26, label: "Chart key")
    var x = 4.0
    func item(_ draw: (inout SVGDocument, Double) -> Void, _ label: String, _ w: Double) {
      draw(&svg, x); svg.text(label, x: x + 22, y: 17, size: 10, fill: Palette.ink); x += w
    }
    item({ d, x in d.marker(.circle, x + 8, 13, r: 3, SVGStyle(fill: Palette.ink)) }, "value", 56)
    item({ d, x in d.marker(.circle, x + 8, 13, r: 5, SVGStyle(fill: Palette.improvement)) }, "improvement", 92)
    item({ d, x in d.marker(.square, x + 8, 13, r: 4.5, SVGStyle(fill: Palette.concern)) }, "concern", 70)
    item({ d, x in d.line(x, 13, x + 18, 13, SVGStyle(stroke: Palette.grey, strokeWidth: 1.2)) }, "average", 66)
    item({ d, x in d.line(x, 9, x + 18, 9, SVGStyle(stroke: Palette.grey, dash: "5 3")); d.line(x, 17, x + 18, 17, SVGStyle(stroke: Palette.grey, dash: "5 3")) }, "usual range", 88)
    item({ d, x in d.rect(x, 6, 18, 14, SVGStyle(fill: Palette.skyBlue, opacity: 0.55)) }, "forecast 80%", 94)
    item({ d, x in d.rect(x, 6, 18, 14, SVGStyle(fill: Palette.skyBlue, opacity: 0.25)) }, "95%", 50)
    item({ d, x in d.line(x, 13, x + 18, 13, SVGStyle(stroke: Palette.met, strokeWidth: 1.6, dash: "7 3")) }, "target", 62)
    item({ d, x in d.line(x, 13, x + 18, 13, SVGStyle(stroke: Palette.worse, strokeWidth: 1.6, dash: "2 3")) }, "intervention", 88)
    item({ d, x in d.marker(.triangle, x + 8, 13, r: 5, SVGStyle(fill: "#FFFFFF", stroke: Palette.ink, strokeWidth: 1.4)) }, "comparator", 80)
    return "<p class=\"chart-key\">" + svg.render(cssClass: "keysvg") + "</p>\n"
  }

  static func cell(_ v: Double?, _ u: KPIUnit) -> String { v.map { e(Wording.value($0, u)) } ?? "" }

  static func scorecardTable(_ name: String, _ kpis: [PackKPI], _ pack: CommitteePack) -> String {
    let years = Set(kpis.map { $0.outlook.yearEnd.financialYearLabel })
    let oneYear = years.count == 1 ? years.first : nil
    var t = "<h3 class=\"group\">\(e(name))</h3>\n<table class=\"scorecard\"><colgroup><col class=\"c-kpi\"><col class=\"c-pol\"><col class=\"c-basis\">"
    t += String(repeating: "<col class=\"c-q\">", count: pack.quarters.count)
    t += "<col class=\"c-fc\"><col class=\"c-t\"><col class=\"c-s\"><col class=\"c-p\"><col class=\"c-comp\"><col class=\"c-spc\"></colgroup>"
    t += "<thead><tr><th>KPI</th><th>Polarity</th><th>Reporting basis</th>"
    for q in pack.quarters { t += "<th class=\"num\">\(e(Wording.quarter(q)))</th>" }
    t += "<th class=\"num\">Year-end forecast\(oneYear.map { " \(e($0))" } ?? "")<br><span class=\"sub\">80% range</span></th>"
    t += "<th class=\"num\">Target</th><th>Status</th><th class=\"num nowrap\">P(meet)</th><th class=\"num\">Compar&shy;ator</th><th>SPC</th></tr></thead><tbody>\n"
    for k in kpis {
      let u = k.unit, o = k.outlook
      let (lo, hi) = o.interval(level: 80)
      t += "<tr id=\"row-\(k.number)\" data-kpi=\"\(e(k.key.indicator))\"><td class=\"kpi\"><a href=\"#kpi-\(k.number)\">\(k.number)) \(e(k.title))</a></td>"
      t += "<td>\(e(Wording.polarity(k.series.polarity)))</td><td>\(e(Wording.basis(o.basisSource == "catalogue" ? o.basis : nil)))</td>"
      for v in k.recent { t += "<td class=\"num\">\(cell(v, u))</td>" }
      t += "<td class=\"num\"><strong>\(e(Wording.value(o.point, u)))</strong>"
      if lo != hi { t += "<br><span class=\"sub\">\(e(Wording.value(lo, u)))–<wbr>\(e(Wording.value(hi, u)))</span>" }
      if oneYear == nil { t += "<br><span class=\"sub\">\(e(o.yearEnd.financialYearLabel))</span>" }
      t += "</td><td class=\"num\">\(cell(o.thresholds?.target, u))</td><td class=\"icon\">\(PackIcons.status(k.status))</td>"
      t += "<td class=\"num\">\(k.probabilityOfMeeting.map { e(Wording.percent($0)) } ?? "")</td>"
      t += "<td class=\"num\">\(k.comparator.map { "\(e(Wording.value($0.value, u)))<br><span class=\"sub\">\(e($0.name))</span>" } ?? "")</td>"
      t += "<td class=\"icon\" title=\"\(e(PackIcons.words(k.spc.chart.variation)))\">\(PackIcons.variation(k.spc.chart.variation))</td></tr>\n"
    }
    return t + "</tbody></table>\n"
  }

  static func detail(_ k: PackKPI, _ pack: CommitteePack) -> String {
    let u = k.unit, o = k.outlook
    let (lo, hi) = o.interval(level: 80)
    var d = "<article class=\"kpi-detail\" id=\"kpi-\(k.number)\" data-kpi=\"\(e(k.key.indicator))\"><h4>\(k.number)) \(e(k.title))</h4>\n<div class=\"row\"><figure>"
    d += PackChart.svg(k) + "</figure>\n<div class=\"facts\"><dl>"
    if let l = k.latest { d += "<dt>Latest</dt><dd>\(e(Wording.value(l.value, u))) (\(e(Wording.period(l.period, k.series.frequency))))</dd>" }
    d += "<dt>Year-end \(e(o.yearEnd.financialYearLabel))</dt><dd>\(e(Wording.value(o.point, u)))\(lo == hi ? "" : " (80% range \(e(Wording.value(lo, u))) to \(e(Wording.value(hi, u))))")</dd>"
    if let t = o.thresholds?.target {
      d += "<dt>Target</dt><dd>\(e(Wording.value(t, u)))\(o.thresholds?.interventionLevel.map { "; intervention level \(e(Wording.value($0, u)))" } ?? "")</dd>"
      d += "<dt>Status</dt><dd>\(PackIcons.status(k.status)) \(k.probabilityOfMeeting.map { e(Wording.chance($0)) + " of meeting the target" } ?? "")</dd>"
    }
    d += "<dt>SPC</dt><dd>\(PackIcons.variation(k.spc.chart.variation)) \(e(PackIcons.words(k.spc.chart.variation)))</dd>"
    if let a = k.spc.chart.assurance(target: o.thresholds?.target) { d += "<dt>Assurance</dt><dd>\(e(PackIcons.assuranceSentence(a, probabilityOfMeeting: k.probabilityOfMeeting)))</dd>" }
    d += "</dl><p class=\"reason\"><strong>Reason for level of performance (draft):</strong> \(e(k.reason))</p></div></div></article>\n"
    return d
  }

  static func exceptions(_ pack: CommitteePack) -> String {
    var x = "<section id=\"exceptions\"><h2>Exception performance reports – \(e(Wording.quarterLong(pack.quarter))) (drafts)</h2>\n"
    if pack.exceptions.isEmpty { return x + "<p>No indicator is forecast ▲, or ● with under a 20% chance of meeting its target.</p></section>\n" }
    for k in pack.exceptions {
      let u = k.unit, o = k.outlook
      let (lo, hi) = o.interval(level: 80)
      x += "<article class=\"exception\" data-kpi=\"\(e(k.key.indicator))\"><table class=\"form\"><tbody>"
      x += "<tr><th>Indicator description</th><td colspan=\"3\">\(k.number)) \(e(k.title))</td></tr>"
      x += "<tr><th>\(e(k.latest.map { "\(Wording.period($0.period, k.series.frequency)) outturn" } ?? "Outturn"))</th><td>\(e(k.latest.map { Wording.value($0.value, u) } ?? "–"))</td>"
      x += "<th>Target</th><td>\(cell(o.thresholds?.target, u))\(o.thresholds?.interventionLevel.map { " (intervention level \(e(Wording.value($0, u))))" } ?? "")</td></tr>"
      x += "<tr><th>Year-end forecast \(e(o.yearEnd.financialYearLabel))</th><td colspan=\"3\">\(e(Wording.value(o.point, u)))\(lo == hi ? "" : " (80% range \(e(Wording.value(lo, u))) to \(e(Wording.value(hi, u))))") \(PackIcons.status(k.status)) \(k.probabilityOfMeeting.map { e(Wording.chance($0)) + " of meeting the target" } ?? "")</td></tr>"
      x += "<tr><th>Reason for level of performance</th><td colspan=\"3\">\(e(k.reason)) <span class=\"draft\">[Drafted from the data: for the service to check and complete.]</span></td></tr>"
      x += "<tr><th>Actions taken or planned to improve performance</th><td colspan=\"3\" class=\"blank\">For the service to complete.</td></tr>"
      x += "<tr><th>Completed by</th><td class=\"blank\"></td><th>Service unit</th><td class=\"blank\"></td></tr>"
      x += "</tbody></table></article>\n"
    }
    return x + "</section>\n"
  }

  static func method(_ pack: CommitteePack) -> String {
    var m = "<section id=\"method\"><h2>Appendix: method</h2>"
    m += "<p>Forecasts come from the kpi-forecast engine: each indicator's history is fitted by an automatically chosen model (exponential smoothing, Theta, seasonal naive or a seasonal regression with catalogue priors), and the forecast is a distribution over future paths; the year-end outturn follows the reporting basis, and P(meet) is read from that distribution. Status compares the forecast with the target and intervention level of the year.</p>"
    m += "<p>SPC: XmR charts as NHSRplotthedots 0.1.0 computes them — mean, moving ranges (those at or above 3.267 times their mean screened out), limits at the mean ± 2.66 × the mean moving range; special cause for a point outside the limits, a run of 7 on one side of the mean, a trend of 7, or 2 of 3 points beyond two-thirds of the way to a limit. The usual range is between the limits. Charts with fewer than 12 points have provisional (trial) limits.</p>"
    m += "<p>Comparators: the England (or other comparator) series in the input at the latest period, else the catalogue's latest published value.</p>"
    if !pack.methodNotes.isEmpty {
      m += "<h3>Models and notes per indicator</h3><ul class=\"notes\">" + pack.methodNotes.map { "<li>\(e($0))</li>" }.joined() + "</ul>"
    }
    return m + "</section>\n"
  }

  static let css = """
    @page{size:A4 landscape;margin:10mm}
    *{box-sizing:border-box}
    body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1A1A1A;margin:0 auto;padding:12px;max-width:1100px;font-size:13px;line-height:1.35}
    h1{font-size:24px;margin:.2em 0}h2{font-size:19px;margin:1.2em 0 .4em;border-bottom:2px solid #0072B2;padding-bottom:2px}
    h3.group{font-size:15px;margin:1em 0 .3em;color:#0072B2}h4{font-size:14px;margin:.2em 0}
    .authority{font-size:15px;font-weight:600;margin:0;color:#0072B2}.meta{color:#555;margin:.2em 0 0}
    a{color:inherit;text-decoration:none}
    table{border-collapse:collapse;width:100%}
    table.scorecard{table-layout:fixed;font-size:11.5px}
    table.scorecard th,table.scorecard td{border:1px solid #C8C8C8;padding:3px 4px;vertical-align:middle;overflow-wrap:break-word;hyphens:auto}
    table.scorecard thead th{background:#EAF2F8;font-weight:600;text-align:left;font-size:10.5px}
    col.c-kpi{width:21.7%}col.c-pol,col.c-basis{width:7%}col.c-q{width:5.5%}col.c-fc{width:9%}col.c-t{width:5.6%}
    col.c-s{width:5.4%}col.c-p{width:5.6%}col.c-comp{width:7.3%}col.c-spc{width:3.9%}
    .nowrap{white-space:nowrap}
    .num{text-align:right}table.scorecard thead th.num{text-align:right}
    .sub{color:#555;font-size:10px;font-weight:normal}
    td.icon{text-align:center}
    .status{font-size:15px;font-weight:bold}.status.met{color:#009E73}.status.between{color:#E69F00}.status.worse{color:#D55E00}.status.none{color:#999}
    svg.icon{width:20px;height:20px;vertical-align:middle}
    .key ul{padding-left:1.2em;margin:.3em 0}.key li{margin:.2em 0}
    .chart-key svg{width:100%;max-width:790px;height:auto}
    article.kpi-detail{break-inside:avoid;page-break-inside:avoid;border-top:1px solid #DDD;padding:6px 0}
    .row{display:flex;gap:14px;align-items:flex-start}
    figure{margin:0;flex:0 0 56%;max-width:56%}
    svg.chart{width:100%;height:auto;display:block}
    .facts{flex:1 1 0;min-width:0;font-size:12px}
    dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 8px;margin:0 0 6px}dt{font-weight:600;color:#444}dd{margin:0}
    .reason{margin:.3em 0}
    article.exception{break-inside:avoid;page-break-inside:avoid;margin:0 0 12px}
    table.form th,table.form td{border:1px solid #999;padding:5px 6px;text-align:left;vertical-align:top}
    table.form th{background:#F2F2F2;width:22%;font-weight:600}
    td.blank{height:2.2em;color:#777;font-style:italic}
    .draft{color:#555;font-style:italic}
    table.plain td,table.plain th{border-bottom:1px solid #DDD;padding:3px 6px;text-align:left}
    ul.notes{font-size:11px;color:#333}
    @media print{body{max-width:none;padding:0;font-size:11px}#detail,#exceptions,#method{break-before:page}a{color:inherit}}
    """
}
