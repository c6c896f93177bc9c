import Foundation
import KPIStats

/// Parameters of the AP demand model, with the defaults stated in output and docs.
public struct APDemandParameters: Sendable, Equatable {
  /// Share of permanently excluded pupils placed in AP (default 1: seed 001 — a child who
  /// cannot be placed in a mainstream school will be in alternative provision).
  public var shareToAP: Double
  /// Average length of stay in AP, in years (default 1: an assumption; set from local data).
  public var averageStayYears: Double
  /// Places already filled at the start of the first year (default 0).
  public var carriedOver: Double
  public var cost: CostDistribution

  public init(shareToAP: Double = 1, averageStayYears: Double = 1, carriedOver: Double = 0,
              cost: CostDistribution = .uniform(low: 20_000, high: 50_000)) {
    self.shareToAP = shareToAP
    self.averageStayYears = averageStayYears
    self.carriedOver = carriedOver
    self.cost = cost
  }
}
