import Foundation
import KPIData
import KPIForecast
import KPIPlanning
import KPIRecord

/// The per-period fan under a scenario, for drawing. Each forecast period's engine quantiles
/// (2.5, 10, 50, 90, 97.5%) are passed through the scenario's own ``Scenario/Effect/apply(_:at:monthsPerStep:)``
/// and the series' bounds; both are increasing maps, so the results are exactly the quantiles of
/// the changed period (no statistics of its own). A convergence `shift` of the outturn is drawn
/// reaching its full size at the year-end in equal steps (a drawing choice the page states).
enum ScenarioFan {
  static let probabilities = [0.025, 0.10, 0.50, 0.90, 0.975]

  static func points(_ f: SeriesForecast, effects: [Scenario.Effect], shift: Double, aggregation: YearEndAggregation) -> [FanPoint] {
    let (lo, hi) = f.series.bounds
    func clamp(_ v: Double) -> Double { min(max(v, lo ?? -.infinity), hi ?? .infinity) }
    let step = f.series.frequency.monthsPerStep
    let lastStep = aggregation.steps.max() ?? (f.periods.count - 1)
    return f.periods.indices.map { j in
      let share = shift == 0 ? 0 : min(1, Double(j + 1) / Double(lastStep + 1))
      let q = probabilities.map { p -> Double in
        var y = f.distributions[j].quantile(p)
        for e in effects { y = e.apply(y, at: f.periods[j], monthsPerStep: step) }
        if !effects.isEmpty { y = clamp(y) }
        return share == 0 ? y : clamp(y + shift * share)
      }
      return FanPoint(period: f.periods[j].description, value: q[2], lo80: q[1], hi80: q[3], lo95: q[0], hi95: q[4])
    }
  }
}
