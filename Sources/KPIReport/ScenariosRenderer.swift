import Foundation
import KPIData
import KPIForecast
import KPIPlanning

/// Renders scenarios side by side per indicator.
public enum ScenariosRenderer {
  public static let csvHeader = "indicator,geography,scenario,year_end,forecast,lo80,hi80,lo95,hi95,target,p_meet_target,status,difference_from_baseline,p_meet_change,applied"

  public static func csv(_ results: [ScenarioResult]) -> String {
    var lines = [csvHeader]
    for r in results {
      let (l80, h80) = r.distribution.interval(level: 80), (l95, h95) = r.distribution.interval(level: 95)
      let dp = zip2(r.probabilityOfMeetingTarget, r.baselineProbability).map { $0 - $1 }
      lines.append([NumberFormat.csvField(r.key.indicator), NumberFormat.csvField(r.key.geography ?? ""), NumberFormat.csvField(r.scenario),
                    r.yearEnd.financialYearLabel, NumberFormat.machine(r.point), NumberFormat.machine(l80), NumberFormat.machine(h80),
                    NumberFormat.machine(l95), NumberFormat.machine(h95), YearEndRenderer.num(r.thresholds?.target),
                    YearEndRenderer.prob(r.probabilityOfMeetingTarget), r.status?.symbol ?? "", NumberFormat.machine(r.differenceFromBaseline),
                    YearEndRenderer.prob(dp), NumberFormat.csvField(r.applied)].joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func zip2(_ a: Double?, _ b: Double?) -> (Double, Double)? {
    guard let a, let b else { return nil }
    return (a, b)
  }

  public static func table(_ results: [ScenarioResult], notes: [String]) -> String {
    var out = ""
    var order = [SeriesKey]()
    for r in results where !order.contains(r.key) { order.append(r.key) }
    for key in order {
      let rows = results.filter { $0.key == key }
      guard let first = rows.first else { continue }
      let u = first.unit
      out += "\(key) — year-end \(first.yearEnd.financialYearLabel)"
      if let t = first.thresholds?.target { out += ", target \(ForecastRenderer.format(t, unit: u))" }
      out += "\n"
      let cells = rows.map { r -> [String] in
        let (l80, h80) = r.distribution.interval(level: 80)
        let d = r.differenceFromBaseline
        let dp = zip2(r.probabilityOfMeetingTarget, r.baselineProbability).map { NumberFormat.signed(($0 - $1) * 100, decimals: 0) + " pts" } ?? "–"
        return [r.scenario, ForecastRenderer.format(r.point, unit: u),
                "\(ForecastRenderer.format(l80, unit: u)) to \(ForecastRenderer.format(h80, unit: u))",
                r.probabilityOfMeetingTarget.map(YearEndRenderer.percent) ?? "–", r.status?.symbol ?? "–",
                (d >= 0 ? "+" : "") + (u == .percent ? NumberFormat.human(d, decimals: 1) + " pts" : ForecastRenderer.format(d, unit: u)), dp, r.applied]
      }
      out += TextTable(header: ["Scenario", "Forecast", "80% interval", "P(meet)", "Status", "vs baseline", "P(meet) change", "Applied"],
                       rows: cells, rightAligned: [1, 2, 3, 5, 6]).render() + "\n"
    }
    if !notes.isEmpty {
      out += "Notes:\n"
      for n in notes { out += "  \(n)\n" }
    }
    return out
  }
}
