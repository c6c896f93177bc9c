

/// Smoothing parameters of a fitted or given ETS model. `beta`, `gamma`, `phi` are used only by
/// models with the matching component (β for a trend, γ for a season, φ when damped; φ = 1 otherwise).
public struct ETSParameters: Sendable, Equatable, Codable {
  public var alpha: Double
  public var beta: Double
  public var gamma: Double
  public var phi: Double

  public init(alpha: Double, beta: Double = 0, gamma: Double = 0, phi: Double = 1) {
    self.alpha = alpha
    self.beta = beta
    self.gamma = gamma
    self.phi = phi
  }
}
