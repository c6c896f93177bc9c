import Foundation

/// One point of a chart: an observed value, or a forecast period's median and 80%/95% bands.
public struct FanPoint: Codable, Sendable, Equatable {
  /// `YYYY-MM`, the period's last month.
  public var period: String
  /// Observed value (history) or the forecast median.
  public var value: Double?
  public var lo80: Double?
  public var hi80: Double?
  public var lo95: Double?
  public var hi95: Double?

  public init(period: String, value: Double?, lo80: Double? = nil, hi80: Double? = nil, lo95: Double? = nil, hi95: Double? = nil) {
    self.period = period
    self.value = finite(value)
    self.lo80 = finite(lo80)
    self.hi80 = finite(hi80)
    self.lo95 = finite(lo95)
    self.hi95 = finite(hi95)
  }
}
