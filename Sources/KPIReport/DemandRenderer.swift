import Foundation
import KPIData
import KPIPlanning

/// Renders AP demand: the CSV contract of DESIGN §4 and a table with the assumptions.
public enum DemandRenderer {
  public static let csvHeader = "scenario,year,places_p10,places_p50,places_p90,cost_p10,cost_p50,cost_p90"

  public static func csv(_ results: [DemandResult]) -> String {
    var lines = [csvHeader]
    for r in results {
      lines.append(([NumberFormat.csvField(r.scenario), r.year] + r.places.map { NumberFormat.machine(($0 * 10).rounded() / 10) }
                    + r.cost.map { NumberFormat.machine($0.rounded()) }).joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  public static func table(_ results: [DemandResult], assumptions: [String], draws: Int, seconds: Double) -> String {
    let rows = results.map { r in
      [r.scenario, r.year, NumberFormat.human(r.exclusionsMedian, decimals: 0)]
        + r.places.map { NumberFormat.human($0, decimals: 1) } + r.cost.map { "£" + NumberFormat.human($0, decimals: 0) }
    }
    var out = TextTable(header: ["Scenario", "Year", "Exclusions (P50)", "Places P10", "P50", "P90", "Cost P10", "P50", "P90"],
                        rows: rows, rightAligned: Set(2...8)).render()
    out += "\nPlaces are full-year equivalents in use during the year; P10/P50/P90 from \(NumberFormat.human(Double(draws), decimals: 0)) seeded Monte Carlo draws per scenario (\(Set(results.map(\.scenario)).count) scenario(s) in \(String(format: "%.3f", seconds)) s).\n"
    out += "Assumptions:\n"
    for a in assumptions { out += "  - \(a)\n" }
    return out
  }
}
