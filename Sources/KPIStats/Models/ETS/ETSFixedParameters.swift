

/// Smoothing parameters held at given values instead of estimated (R `ets(y, alpha = …, beta = …,
/// gamma = …, phi = …)`); values for components the form lacks are ignored. As in R, a given α
/// caps β ≤ α and γ ≤ 1 − α for the estimated ones, a given β floors α, a given γ caps α ≤ 1 − γ.
public struct ETSFixedParameters: Sendable, Equatable, Codable {
  public var alpha: Double?
  public var beta: Double?
  public var gamma: Double?
  public var phi: Double?

  public init(alpha: Double? = nil, beta: Double? = nil, gamma: Double? = nil, phi: Double? = nil) {
    self.alpha = alpha
    self.beta = beta
    self.gamma = gamma
    self.phi = phi
  }

  /// Which smoothing parameters `model` estimates.
  @inline(__always)
  func free(_ model: ETSModelType) -> (alpha: Bool, beta: Bool, gamma: Bool, phi: Bool) {
    (alpha == nil, model.hasTrend && beta == nil, model.hasSeason && gamma == nil, model.damped && phi == nil)
  }

  /// R `etsmodel`'s bound adjustments for given parameters.
  func adjusted(_ b: ETSAdmissibility.Bounds) -> ETSAdmissibility.Bounds {
    var out = b
    if let alpha {
      out.upper.beta = min(alpha, out.upper.beta)
      out.upper.gamma = min(1 - alpha, out.upper.gamma)
    }
    if let beta { out.lower.alpha = max(beta, out.lower.alpha) }
    if let gamma { out.upper.alpha = min(1 - gamma, out.upper.alpha) }
    return out
  }
}
