import KPIStats

/// How `auto` forecasts a series: within a family by the family's own rule (AICc for ETS, the
/// ACF test for Theta's seasonality), across families by the median of the members' point
/// forecasts (robust to one bad member; Petropoulos & Svetunkov 2020, the M4 "SHD" and
/// median-combination results), with spread the members' mean analytic sd, then calibrated
/// from rolling-origin errors (see ``IntervalCalibration``).
///
/// By length (observed values n, seasonal period m): n ≤ ``followLength`` and every change in
/// one direction (after the catalogue's seasonal shape; n ≤ 2 always) → ``FollowLast`` (the
/// last value, with that seasonal shape); otherwise n ≤ m, level shifts, or a constant series →
/// the regression with the catalogue prior (3 residual df; no trend under two cycles);
/// m < n < ``shortLength`` → ``shortMembers``; longer → ``members``. On Tourism cut to 3 and 4
/// quarters (validation windows inside the training data) following the last value of every
/// series scored MASE 1.47 / 1.35 against the mean's 1.26 / 1.08 — a few seasonal quarters
/// average out in the mean — so only a series that moves one way follows its last value.
public struct AutoConfiguration: Sendable {
  public var members: [ModelChoice]
  /// Members used when the series is short (fewer than `shortLength` observations).
  public var shortMembers: [ModelChoice]
  public var shortLength: Int
  public var combination: Combination
  /// Series of at most this many observations follow their last value (see ``followDamping``).
  public var followLength: Int
  /// Damping of the drift for those series (0 = naive).
  public var followDamping: Double

  public enum Combination: String, Sendable { case median, mean }

  public init(members: [ModelChoice] = [.ets, .theta, .snaive],
              shortMembers: [ModelChoice] = [.snaive, .snaiveAvg, .theta], shortLength: Int = 13,
              combination: Combination = .median, followLength: Int = 4, followDamping: Double = 0) {
    self.members = members
    self.shortMembers = shortMembers
    self.shortLength = shortLength
    self.combination = combination
    self.followLength = followLength
    self.followDamping = followDamping
  }

  /// Which form auto takes for a series.
  public enum Form: Sendable, Equatable { case follow, regression, combination([ModelChoice]) }

  /// Whether the (prior-adjusted) observations only rise or only fall; true for one or two.
  static func isMonotone(_ m: ModelInput) -> Bool {
    var adjusted = [Double]()
    let effects = m.seasonalPrior?.effects.count == m.input.period ? m.seasonalPrior?.effects : nil
    for (t, y) in m.input.values.enumerated() where !y.isNaN { adjusted.append(y - (effects?[m.input.season(at: t)] ?? 0)) }
    guard adjusted.count > 2 else { return true }
    let d = zip(adjusted.dropFirst(), adjusted).map { $0 - $1 }
    return d.allSatisfy { $0 > 0 } || d.allSatisfy { $0 < 0 }
  }

  public func form(for m: ModelInput) -> Form {
    let obs = m.observed
    if m.levelShifts.isEmpty && obs.count <= followLength && Self.isMonotone(m) { return .follow }
    let constant = obs.min() == obs.max()
    let m0 = max(m.input.period, 2)
    guard m.levelShifts.isEmpty && !constant && obs.count > m0 else { return .regression }
    return .combination(obs.count < shortLength ? shortMembers : members)
  }
}
