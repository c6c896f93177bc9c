import Foundation
import KPIData
import KPIPlanning

/// The whole committee pack as Markdown for pasting into a paper: summary, scorecard tables by
/// service area, each KPI's facts and drafted reason, exception-report drafts, method appendix.
public enum PackMarkdown {
  /// Escapes a table cell (pipes and line breaks).
  static func c(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }

  public static func render(_ pack: CommitteePack) -> String {
    var m = "# \(pack.authority): \(pack.title)\n\n"
    m += "Performance scorecard, SPC signals, year-end forecasts and exception-report drafts. Data to the end of \(Wording.quarterLong(pack.quarter)); prepared \(pack.date).\n\n"
    let kpis = pack.kpis
    m += "## Summary\n\n"
    m += "- \(kpis.count) indicators with data in the last five quarters: \(kpis.filter { $0.status == .green }.count) forecast to meet their target (★), "
      + "\(kpis.filter { $0.status == .amber }.count) short of it (●), \(kpis.filter { $0.status == .red }.count) significantly worse than target (▲).\n"
    m += "- \(pack.exceptions.count) exception report\(pack.exceptions.count == 1 ? "" : "s") drafted.\n\n"
    m += "Key: ★ forecast meets the target · ● between target and intervention level · ▲ significantly worse than target (past the intervention level; where none is published, more than 10% of the target short). "
      + "SPC: \"common cause\" = no sign of real change; \"improvement\"/\"concern\" = a sign of real change for the better/worse. "
      + "P(meet) = the chance the year-end outturn meets the target.\n\n"
    m += "## Scorecard\n\n"
    for g in pack.groups {
      m += "### \(g.name)\n\n"
      var header = ["KPI", "Good performance", "Basis"] + pack.quarters.map(Wording.quarter)
      header += ["Year-end forecast (80% range)", "Target", "Status", "P(meet)", "Comparator", "SPC"]
      m += "| " + header.map(c).joined(separator: " | ") + " |\n"
      let right = Set(3..<10).union([11, 12])
      m += "|" + header.indices.map { right.contains($0) ? " ---: |" : " --- |" }.joined() + "\n"
      for k in g.kpis {
        let u = k.unit, o = k.outlook
        let (lo, hi) = o.interval(level: 80)
        var row = ["\(k.number)) \(k.title)", Wording.polarity(k.series.polarity), Wording.basis(o.basisSource == "catalogue" ? o.basis : nil)]
        row += k.recent.map { $0.map { Wording.value($0, u) } ?? "" }
        row.append("\(Wording.value(o.point, u))" + (lo == hi ? "" : " (\(Wording.value(lo, u))–\(Wording.value(hi, u)))") + " \(o.yearEnd.financialYearLabel)")
        row += [o.thresholds?.target.map { Wording.value($0, u) } ?? "", k.status?.symbol ?? "–",
                k.probabilityOfMeeting.map(Wording.percent) ?? "",
                k.comparator.map { "\(Wording.value($0.value, u)) (\($0.name))" } ?? "", PackIcons.short(k.spc.chart.variation)]
        m += "| " + row.map(c).joined(separator: " | ") + " |\n"
      }
      m += "\n"
    }
    m += "## Indicators in detail\n\n"
    for k in kpis {
      m += "### \(k.number)) \(k.title)\n\n"
      m += "**Reason for level of performance (draft):** \(k.reason)\n\n"
      m += "SPC: \(PackIcons.words(k.spc.chart.variation)).\n\n"
    }
    m += "## Exception performance reports – \(Wording.quarterLong(pack.quarter)) (drafts)\n\n"
    if pack.exceptions.isEmpty { m += "No indicator is forecast ▲, or ● with under a 20% chance of meeting its target.\n\n" }
    for k in pack.exceptions {
      let u = k.unit, o = k.outlook
      let (lo, hi) = o.interval(level: 80)
      m += "### \(k.number)) \(k.title)\n\n"
      m += "**Indicator description:** \(k.number)) \(k.title)  \n"
      if let l = k.latest { m += "**\(Wording.period(l.period, k.series.frequency)) outturn:** \(Wording.value(l.value, u))  \n" }
      m += "**Target:** \(o.thresholds?.target.map { Wording.value($0, u) } ?? "none")"
        + (o.thresholds?.interventionLevel.map { " (intervention level \(Wording.value($0, u)))" } ?? "") + "  \n"
      m += "**Year-end forecast \(o.yearEnd.financialYearLabel):** \(Wording.value(o.point, u))"
        + (lo == hi ? "" : " (80% range \(Wording.value(lo, u)) to \(Wording.value(hi, u)))")
        + " \(k.status?.symbol ?? "")" + (k.probabilityOfMeeting.map { ", \(Wording.chance($0)) of meeting the target" } ?? "") + "\n\n"
      m += "**Reason for level of performance (draft):** \(k.reason)\n\n"
      m += "**Actions taken or planned to improve performance:** _for the service to complete_\n\n"
      m += "**Completed by:** \n\n**Service unit:** \n\n"
    }
    if !pack.notRecent.isEmpty {
      m += "## Indicators with no value in the last five quarters\n\n| Indicator | Last value |\n| --- | --- |\n"
      for r in pack.notRecent { m += "| \(c(r.title)) | \(c(r.last)) |\n" }
      m += "\n"
    }
    m += "## Appendix: method\n\n"
    m += "Forecasts come from the kpi-forecast engine (an automatically chosen model per indicator; the year-end outturn follows the reporting basis; P(meet) is read from the forecast distribution). "
      + "SPC charts follow NHS \"Making Data Count\" as NHSRplotthedots 0.1.0 computes them (limits at the mean ± 2.66 × the screened mean moving range; signals for a point outside the limits, a run of 7 on one side of the mean, a trend of 7, or 2 of 3 points near a limit).\n\n"
    for n in pack.methodNotes { m += "- \(n)\n" }
    return m
  }
}
