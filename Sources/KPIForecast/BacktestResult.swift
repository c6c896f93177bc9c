import Foundation
import KPIData
import KPIStats

public struct BacktestResult: Sendable {
  public var method: String
  public var scores: [CaseScore]
  public var overall: BacktestSummary
  /// Per group (indicator), in order of first appearance.
  public var byGroup: [BacktestSummary]
  public var seconds: Double
  /// How intervals were made (analytic, or the calibration used).
  public var intervals: String
}
