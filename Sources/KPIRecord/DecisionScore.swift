import Foundation
import KPIPlanning

/// One agreed target scored against the outturn.
public struct DecisionScore: Sendable, Equatable {
  public var decision: Decision
  public var outturn: Double?
  /// Status of the outturn against the agreed target and level (green = met); nil when unknown.
  public var status: ForecastStatus?
  public var met: Bool? { status.map { $0 == .green } }
}
