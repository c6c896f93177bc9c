import KPIStats

/// How `auto` forecasts a series.
///
/// Before any rule: n ≤ ``followLength`` observed values that only rise or only fall (after the
/// catalogue's seasonal shape; n ≤ 2 always) → ``FollowLast`` (the last value, with that
/// seasonal shape; docs/ACCURACY.md has the evidence); level shifts or a constant series → the
/// regression with the catalogue prior (3 residual df; no trend under two cycles). Every other
/// series → the ``AutoRule`` of its ``Regime``: learned by the engine from the batch's own
/// rolling-origin errors (``AutoLearner``), or, for a regime with too few series, the rule
/// learned on the dev sets. A rule's members are combined by the median (or the mean of two) of
/// their point forecasts — robust to one bad member (Petropoulos & Svetunkov 2020; the M4
/// median-combination results) — with spread the members' mean analytic sd, then calibrated
/// per regime from the same rolling-origin errors (``IntervalCalibration``).
public struct AutoConfiguration: Sendable {
  /// Rules per regime fixed by the caller (a benchmark's candidate); the rest are learned.
  public var rules: [Regime: AutoRule]
  /// A rule for every regime (overrides learning); `kpi-bench --methods auto:RULE`.
  public var everyRegime: AutoRule?
  /// Whether the engine learns each regime's rule from the batch.
  public var learn: Bool
  /// Series of at most this many observations follow their last value (see ``followDamping``).
  public var followLength: Int
  /// Damping of the drift for those series (0 = naive).
  public var followDamping: Double

  public enum Combination: String, Sendable { case median, mean }

  /// Nelder–Mead relative tolerance of the ETS member inside `auto`; `--model ets` keeps R's
  /// √ε ≈ 1.5e-8. Like statsforecast's AutoETS (simplex spread 1e-4) it stops each fit in about a
  /// quarter of R's evaluations, a little short of R's optimum: on the 434 reference series the
  /// chosen form's AICc is a median 0.37 above R's, and 10% choose another form. Auto's accuracy
  /// does not move (docs/ACCURACY.md: validation and test, before and after); its time halves.
  public static let memberETSTolerance = 1e-4

  public init(rules: [Regime: AutoRule] = [:], everyRegime: AutoRule? = nil, learn: Bool = true,
              followLength: Int = 4, followDamping: Double = 0) {
    self.rules = rules
    self.everyRegime = everyRegime
    self.learn = learn
    self.followLength = followLength
    self.followDamping = followDamping
  }

  /// Which form auto takes for a series.
  public enum Form: Sendable, Equatable { case follow, regression, rule(AutoRule) }

  /// Whether the (prior-adjusted) observations only rise or only fall; true for one or two.
  static func isMonotone(_ m: ModelInput) -> Bool {
    var adjusted = [Double]()
    let effects = m.seasonalPrior?.effects.count == m.input.period ? m.seasonalPrior?.effects : nil
    for (t, y) in m.input.values.enumerated() where !y.isNaN { adjusted.append(y - (effects?[m.input.season(at: t)] ?? 0)) }
    guard adjusted.count > 2 else { return true }
    let d = zip(adjusted.dropFirst(), adjusted).map { $0 - $1 }
    return d.allSatisfy { $0 > 0 } || d.allSatisfy { $0 < 0 }
  }

  /// Whether a series goes to its regime's rule (rather than following or the regression).
  public func usesRule(_ m: ModelInput) -> Bool {
    if case .rule = form(for: m) { return true }
    return false
  }

  /// The regime of a series.
  public static func regime(_ m: ModelInput) -> Regime { Regime(period: max(m.input.period, 1), observed: m.input.observedCount) }

  /// The rule for a regime: the caller's, else the learned or dev-set one.
  public func rule(for r: Regime) -> AutoRule { everyRegime ?? rules[r] ?? AutoLearner.defaultRule(r) }

  public func form(for m: ModelInput) -> Form {
    let obs = m.observed
    guard m.levelShifts.isEmpty else { return .regression }
    if obs.count <= followLength && Self.isMonotone(m) { return .follow }
    guard obs.min() != obs.max() else { return .regression }
    return .rule(rule(for: Self.regime(m)))
  }
}
