import Foundation
import KPIData
import KPIForecast
import KPIPlanning

/// Renders target proposals: the CSV contract of DESIGN §4, a table with rationales, JSON.
public enum TargetsRenderer {
  public static let csvHeader = "indicator,geography,year,baseline_forecast,proposed_target,proposed_intervention_level,p_meet_target,p_worse_than_intervention,rationale"

  public static func csv(_ proposals: [TargetProposal]) -> String {
    var lines = [csvHeader]
    for p in proposals {
      lines.append([NumberFormat.csvField(p.key.indicator), NumberFormat.csvField(p.key.geography ?? ""), p.year,
                    NumberFormat.machine(p.baselineForecast), NumberFormat.machine(p.proposedTarget), NumberFormat.machine(p.proposedInterventionLevel),
                    YearEndRenderer.prob(p.probabilityOfMeetingTarget), YearEndRenderer.prob(p.probabilityWorseThanIntervention),
                    NumberFormat.csvField(p.rationale)].joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A Markdown table for the workshop pack, with the rationale as a last column.
  public static func markdown(_ proposals: [TargetProposal]) -> String {
    let (header, rows, right) = cells(proposals)
    return MarkdownTable(header: header + ["Rationale"], rows: zip(rows, proposals).map { $0 + [$1.rationale] }, rightAligned: right).render()
  }

  public static func table(_ proposals: [TargetProposal], notes: [PlanningNote]) -> String {
    let (header, rows, right) = cells(proposals)
    var out = TextTable(header: header, rows: rows, rightAligned: right).render()
    out += "\nRationale:\n"
    for p in proposals { out += "  \(p.key): \(p.rationale)\n" }
    let lines = Notes.grouped(proposals, notes: notes)
    if !lines.isEmpty {
      out += "\nNotes:\n"
      for l in lines { out += "  \(l)\n" }
    }
    return out
  }

  static func cells(_ proposals: [TargetProposal]) -> (header: [String], rows: [[String]], right: Set<Int>) {
    let withGeo = proposals.contains { $0.key.geography != nil }
    var header = ["Indicator"]
    if withGeo { header.append("Geography") }
    header += ["Year", "Baseline", "80% band", "Target", "Interv.", "P(meet)", "P(worse)", "Band"]
    let rows = proposals.map { p -> [String] in
      let u = p.unit
      var r = [p.key.indicator]
      if withGeo { r.append(p.key.geography ?? "") }
      r += [p.year, ForecastRenderer.format(p.baselineForecast, unit: u),
            "\(ForecastRenderer.format(p.evidence.band[0], unit: u)) to \(ForecastRenderer.format(p.evidence.band[2], unit: u))",
            ForecastRenderer.format(p.proposedTarget, unit: u), ForecastRenderer.format(p.proposedInterventionLevel, unit: u),
            p.probabilityOfMeetingTarget.map(YearEndRenderer.percent) ?? "–", p.probabilityWorseThanIntervention.map(YearEndRenderer.percent) ?? "–",
            p.evidence.quartileBand ?? "–"]
      return r
    }
    let off = withGeo ? 1 : 0
    return (header, rows, Set((2 + off)...(7 + off)))
  }

  struct JSONItem: Encodable {
    var indicator: String; var geography: String?; var year: String; var baselineForecast: Double; var baselineLo80: Double; var baselineHi80: Double
    var baselineMethod: String; var trendPerYear: Double?; var bestRecent: Double?; var bestRecentYear: String?
    var comparators: [String: Double]; var quartileBand: String?; var polarity: String
    var proposedTarget: Double; var proposedInterventionLevel: Double; var pMeetTarget: Double?; var pWorseThanIntervention: Double?
    var rationale: String; var warnings: [String]
  }

  public static func json(_ proposals: [TargetProposal]) throws -> String {
    let items = proposals.map { p in
      JSONItem(indicator: p.key.indicator, geography: p.key.geography, year: p.year, baselineForecast: p.baselineForecast,
               baselineLo80: p.evidence.band[0], baselineHi80: p.evidence.band[2], baselineMethod: p.evidence.baselineMethod,
               trendPerYear: p.evidence.trendPerYear, bestRecent: p.evidence.bestRecent?.value, bestRecentYear: p.evidence.bestRecent?.year,
               comparators: Dictionary(p.evidence.comparators.map { ("\($0.name) \($0.year)", $0.value) }, uniquingKeysWith: { a, _ in a }),
               quartileBand: p.evidence.quartileBand, polarity: p.evidence.polarity.rawValue, proposedTarget: p.proposedTarget,
               proposedInterventionLevel: p.proposedInterventionLevel, pMeetTarget: p.probabilityOfMeetingTarget,
               pWorseThanIntervention: p.probabilityWorseThanIntervention, rationale: p.rationale, warnings: p.warnings)
    }
    let enc = JSONEncoder()
    enc.outputFormatting = [.prettyPrinted, .sortedKeys]
    return String(decoding: try enc.encode(["targets": items]), as: UTF8.self) + "\n"
  }
}
