

/// States at one time point: level ℓ, trend b and the m seasonal states in the order they will
/// be used: `seasonal[0]` is the effect of the next period, `seasonal[1]` of the one after, …
/// (R's `s1 … sm` reversed; R's s1 is the newest). For initial states `seasonal[0]` belongs to
/// the first observation. Estimated additive seasonal states sum to 0, multiplicative ones to m.
public struct ETSStates: Sendable, Equatable, Codable {
  public var level: Double
  public var trend: Double
  public var seasonal: [Double]

  public init(level: Double, trend: Double = 0, seasonal: [Double] = []) {
    self.level = level
    self.trend = trend
    self.seasonal = seasonal
  }
}
