import Foundation
import KPIData
import KPIStats

/// Scores of one case (one series at one origin).
public struct CaseScore: Sendable {
  public var id: String
  public var group: String
  public var label: String
  /// Mean absolute scaled error over the steps (NaN when the in-sample scale is 0 or missing).
  public var mase: Double
  /// Sum of sAPE over scored points (mean = smapeSum / points).
  public var smapeSum: Double
  public var points: Int
  /// Points inside the interval, per level.
  public var covered: [Int]
  /// Whether each step's actual was inside the interval, per level (nil = actual missing).
  public var coveredByStep: [[Bool?]]
  /// Sum over points of the Winkler score divided by the MASE scale, per level.
  public var scaledWinklerSum: [Double]
  /// Whether the sum of the first ``BacktestOptions/sumSteps`` actuals was inside the interval
  /// read from joint paths, per level (nil when an actual is missing or the horizon is shorter).
  public var sumCovered: [Bool?]
  /// Forecast steps, those whose 95% band has no width, and, on a series with positive history,
  /// those whose band reaches zero or has an upper/lower ratio over 50 (bands a planner would not sign).
  public var bands = 0
  public var zeroWidthBands = 0
  public var wideBands = 0
  public var notes: [ForecastNote]
  public var warnings: [String] { notes.map(\.text) }
  /// How the intervals were made: the calibration used, or `analytic`.
  public var intervals: String {
    for n in notes { if case .intervals(let s) = n { return s } }
    return "analytic"
  }
}
