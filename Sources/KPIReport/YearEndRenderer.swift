import Foundation
import KPIData
import KPIForecast
import KPIPlanning

/// Renders year-end outlooks: the CSV contract of DESIGN §4, a table with drafted reasons, JSON.
public enum YearEndRenderer {
  public static let csvHeader = "indicator,geography,year_end,basis,forecast,lo80,hi80,lo95,hi95,target,intervention_level,p_meet_target,p_worse_than_intervention,status"

  /// Probabilities to 4 decimals in machine output.
  static func prob(_ p: Double?) -> String { p.map { NumberFormat.machine(($0 * 10_000).rounded() / 10_000) } ?? "" }
  static func num(_ x: Double?) -> String { x.flatMap { $0.isNaN ? nil : NumberFormat.machine($0) } ?? "" }

  public static func csv(_ outlooks: [YearEndOutlook]) -> String {
    var lines = [csvHeader]
    for o in outlooks {
      // An actual outturn (a year already over) has no interval: those cells stay empty.
      let (l80, h80) = o.actual == nil ? o.interval(level: 80) : (.nan, .nan)
      let (l95, h95) = o.actual == nil ? o.interval(level: 95) : (.nan, .nan)
      let row = [NumberFormat.csvField(o.key.indicator), NumberFormat.csvField(o.key.geography ?? ""), o.yearEnd.financialYearLabel,
                 o.basis.rawValue, num(o.point), num(l80), num(h80), num(l95), num(h95),
                 num(o.thresholds?.target), num(o.thresholds?.interventionLevel),
                 prob(o.probabilityOfMeetingTarget), prob(o.probabilityWorseThanIntervention), o.status?.symbol ?? ""]
      lines.append(row.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A Markdown table for committee papers, with the drafted reasons as a last column.
  public static func markdown(_ outlooks: [YearEndOutlook]) -> String {
    let (header, rows, right) = cells(outlooks)
    var out = MarkdownTable(header: header + ["Reason for level of performance (draft)"],
                            rows: zip(rows, outlooks).map { $0 + [$1.reason] }, rightAligned: right).render()
    out += "\n★ forecast meets target · ● between target and intervention level · ▲ significantly worse than target (past the intervention level; where none is published, more than 10% of the target worse)\n"
    return out
  }

  public static func table(_ outlooks: [YearEndOutlook]) -> String {
    let (header, rows, right) = cells(outlooks)
    var out = TextTable(header: header, rows: rows, rightAligned: right).render()
    out += "\nStatus of the forecast: ★ meets target, ● between target and intervention level, ▲ significantly worse than target (past the intervention level; where none is published, more than 10% of the target worse).\n"
    out += "\nReason for level of performance (drafts):\n"
    for o in outlooks { out += "  \(o.key): \(o.reason)\n" }
    let lines = Notes.grouped(outlooks)
    if !lines.isEmpty {
      out += "\nNotes:\n"
      for l in lines { out += "  \(l)\n" }
    }
    return out
  }

  static func cells(_ outlooks: [YearEndOutlook]) -> (header: [String], rows: [[String]], right: Set<Int>) {
    let withGeo = outlooks.contains { $0.key.geography != nil }
    var header = ["Indicator"]
    if withGeo { header.append("Geography") }
    header += ["Year", "Basis", "Forecast", "80% interval", "95% interval", "Target", "Interv.", "P(meet)", "P(worse)", "Status"]
    var rows = [[String]]()
    for o in outlooks {
      let u = o.unit
      let (l80, h80) = o.interval(level: 80), (l95, h95) = o.interval(level: 95)
      var r = [o.key.indicator]
      if withGeo { r.append(o.key.geography ?? "") }
      let known = o.actual != nil
      r += [o.yearEnd.financialYearLabel, o.basis.rawValue, ForecastRenderer.format(o.point, unit: u) + (known ? " (actual)" : ""),
            known ? "–" : "\(ForecastRenderer.format(l80, unit: u)) to \(ForecastRenderer.format(h80, unit: u))",
            known ? "–" : "\(ForecastRenderer.format(l95, unit: u)) to \(ForecastRenderer.format(h95, unit: u))",
            o.thresholds?.target.map { ForecastRenderer.format($0, unit: u) } ?? "–",
            o.thresholds?.interventionLevel.map { ForecastRenderer.format($0, unit: u) } ?? "–",
            o.probabilityOfMeetingTarget.map(percent) ?? "–", o.probabilityWorseThanIntervention.map(percent) ?? "–",
            o.status?.symbol ?? "–"]
      rows.append(r)
    }
    let off = withGeo ? 1 : 0
    return (header, rows, Set((3 + off)...(9 + off)))
  }

  static func percent(_ p: Double) -> String { NumberFormat.probability(p) }

  struct JSONItem: Encodable {
    var indicator: String; var geography: String?; var yearEnd: String; var basis: String; var aggregation: String
    var forecast: Double; var actual: Bool; var lo80: Double?; var hi80: Double?; var lo95: Double?; var hi95: Double?
    var target: Double?; var interventionLevel: Double?; var pMeetTarget: Double?; var pWorseThanIntervention: Double?
    var status: String?; var model: String; var reason: String; var warnings: [String]
  }

  public static func json(_ outlooks: [YearEndOutlook]) throws -> String {
    let items = outlooks.map { o in
      let b80: (Double, Double)? = o.actual == nil ? o.interval(level: 80) : nil
      let b95: (Double, Double)? = o.actual == nil ? o.interval(level: 95) : nil
      return JSONItem(indicator: o.key.indicator, geography: o.key.geography, yearEnd: o.yearEnd.financialYearLabel, basis: o.basis.rawValue,
                      aggregation: o.aggregation.description, forecast: o.point, actual: o.actual != nil,
                      lo80: b80?.0, hi80: b80?.1, lo95: b95?.0, hi95: b95?.1,
                      target: o.thresholds?.target, interventionLevel: o.thresholds?.interventionLevel,
                      pMeetTarget: o.probabilityOfMeetingTarget, pWorseThanIntervention: o.probabilityWorseThanIntervention,
                      status: o.status?.rawValue, model: o.model, reason: o.reason, warnings: o.warnings)
    }
    let enc = JSONEncoder()
    enc.outputFormatting = [.prettyPrinted, .sortedKeys]
    return String(decoding: try enc.encode(["year_end": items]), as: UTF8.self) + "\n"
  }
}
