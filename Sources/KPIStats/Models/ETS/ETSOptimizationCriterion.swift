

/// What the optimiser minimises (R `ets(opt.crit = ...)`). Information criteria always use the
/// likelihood. R's `ses`, `holt` and `thetaf` estimate with `.mse`.
public enum ETSOptimizationCriterion: String, Sendable, CaseIterable, Codable {
  /// n·log Σε² (+ 2Σlog|μₜ| for multiplicative errors): maximum likelihood (R "lik", the default).
  case likelihood = "lik"
  /// Mean squared one-step error on the data scale (R "mse").
  case mse
  /// Mean squared innovation ε (R "sigma").
  case sigma
  /// Mean absolute innovation (R "mae").
  case mae
}
