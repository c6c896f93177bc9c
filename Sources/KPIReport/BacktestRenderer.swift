import Foundation
import KPIData
import KPIForecast

/// Renders backtest results: one row per indicator (group) and an `overall` row.
/// Columns: `indicator,origins,points,mase,smape,coverage<L>…,winkler<L>…,model,intervals,seconds`
/// (Winkler divided by the series' MASE scale, so indicators on different scales can be averaged).
public enum BacktestRenderer {
  static func header(_ levels: [Double]) -> [String] {
    ["indicator", "origins", "points", "mase", "smape"] + levels.map { "coverage\(NumberFormat.machine($0))" }
      + levels.map { "winkler\(NumberFormat.machine($0))" } + ["model", "intervals", "seconds"]
  }

  static func rows(_ r: BacktestResult, levels: [Double], human: Bool) -> [[String]] {
    func num(_ x: Double, _ d: Int) -> String { x.isFinite ? (human ? NumberFormat.human(x, decimals: d) : NumberFormat.machine(x)) : "" }
    func line(_ s: BacktestSummary, model: String) -> [String] {
      [s.name, "\(s.cases)", "\(s.points)", num(s.mase, 3), num(s.smape, 2)] + s.coverage.map { num($0, 3) }
        + s.scaledWinkler.map { num($0, 2) } + [model]
    }
    func distinct(_ xs: [String]) -> String { Array(Set(xs)).sorted().joined(separator: " | ") }
    var out = [[String]]()
    for g in r.byGroup {
      let scores = r.scores.filter { $0.group == g.name }
      out.append(line(g, model: distinct(scores.map(\.label))) + [distinct(scores.map(\.intervals)), ""])
    }
    out.append(line(r.overall, model: r.method) + [distinct(r.scores.map(\.intervals)), num(r.seconds, 3)])
    return out
  }

  public static func csv(_ r: BacktestResult, levels: [Double]) -> String {
    ([header(levels)] + rows(r, levels: levels, human: false)).map { $0.map(NumberFormat.csvField).joined(separator: ",") }
      .joined(separator: "\n") + "\n"
  }

  public static func table(_ r: BacktestResult, levels: [Double]) -> String {
    let h = header(levels)
    return TextTable(header: h, rows: rows(r, levels: levels, human: true), rightAligned: Set(1..<(h.count - 3))).render()
  }
}
