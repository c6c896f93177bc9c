import Foundation

/// One recorded forecast vintage scored against the outturn now in the data.
public struct VintageScore: Sendable, Equatable {
  public var vintage: ForecastVintage
  /// The observed year-end outturn under the vintage's basis; nil when not yet observed.
  public var outturn: Double?
  /// forecast − outturn.
  public var error: Double? { outturn.map { vintage.forecast - $0 } }
  public var inside80: Bool? { outturn.map { $0 >= vintage.lo80 && $0 <= vintage.hi80 } }
  public var inside95: Bool? { outturn.map { $0 >= vintage.lo95 && $0 <= vintage.hi95 } }
}
