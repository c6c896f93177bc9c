import KPIData

/// A target and intervention level under a polarity, with the probabilities read from a
/// distribution.
///
/// Bigger is Better: meet = Y ≥ target, worse than intervention = Y < level.
/// Smaller is Better: meet = Y ≤ target, worse = Y > level.
/// Plan is Best (two-sided): with d = |level − target|, worse = |Y − target| > d and meet =
/// |Y − target| ≤ d/2 (green within half the band; the scorecards give no green tolerance, so
/// this rule is ours and documented). Without an intervention level, Plan is Best has no band and
/// P(meet) is not defined.
///
/// Without a published intervention level, "significantly worse" (▲) is a value worse than the
/// target by more than `significantMargin`·|target| (the catalogue's `significant_margin`, default
/// 10%: seed 003's own icons); P(worse than intervention) stays undefined, as there is no level.
public struct Thresholds: Sendable, Equatable {
  public var target: Double?
  public var interventionLevel: Double?
  public var polarity: Polarity
  /// Fraction of the target past which a value is significantly worse when no intervention
  /// level is published; nil: never ▲ without one.
  public var significantMargin: Double?

  /// The KPI is declared fixed in the catalogue: its probabilities may be exactly 0 or 1.
  public var fixed: Bool

  /// Smallest probability reported for a KPI not declared fixed (and 1 − it the largest): a
  /// forecast distribution built from a finite pool of errors cannot tell a 0.01% chance from
  /// none, so it never shows 0% or 100% as fact.
  public static let probabilityFloor = 0.001

  public init(target: Double?, interventionLevel: Double?, polarity: Polarity, significantMargin: Double? = nil, fixed: Bool = false) {
    self.target = target
    self.interventionLevel = interventionLevel
    self.polarity = polarity
    self.significantMargin = significantMargin
    self.fixed = fixed
  }

  /// A probability as reported: within [floor, 1 − floor] unless the KPI is fixed.
  func bounded(_ p: Double) -> Double {
    fixed || !p.isFinite ? p : min(max(p, Self.probabilityFloor), 1 - Self.probabilityFloor)
  }

  /// The level past which the status is ▲: the published intervention level, else the target
  /// moved `significantMargin`·|target| to the worse side (one-sided polarities only).
  public var redLevel: Double? {
    if let l = interventionLevel { return l }
    guard let t = target, let m = significantMargin else { return nil }
    switch polarity {
    case .bigger: return t - m * abs(t)
    case .smaller: return t + m * abs(t)
    case .plan: return nil
    }
  }

  /// Whether the red level is derived from the margin rather than published.
  public var redLevelIsDerived: Bool { interventionLevel == nil && redLevel != nil }

  /// The green half-width around the target for Plan is Best.
  var planTolerance: Double? {
    guard let t = target, let l = interventionLevel else { return nil }
    return abs(l - t) / 2
  }

  /// Status of a value; nil without a target.
  public func status(of y: Double) -> ForecastStatus? {
    guard let t = target, y.isFinite else { return nil }
    switch polarity {
    case .bigger:
      if y >= t { return .green }
      if let l = redLevel, y < l { return .red }
      return .amber
    case .smaller:
      if y <= t { return .green }
      if let l = redLevel, y > l { return .red }
      return .amber
    case .plan:
      guard let l = interventionLevel else { return y == t ? .green : .amber }
      let d = abs(l - t)
      if abs(y - t) <= d / 2 { return .green }
      if abs(y - t) > d { return .red }
      return .amber
    }
  }

  /// P(meet target) under a distribution given by its CDF (P(Y ≤ y)); nil without a target.
  /// Meeting includes equality (P(Y ≥ t) for bigger, P(Y ≤ t) for smaller).
  public func probabilityOfMeeting(cdf: (Double) -> Double) -> Double? {
    guard let t = target else { return nil }
    switch polarity {
    case .bigger: return bounded(1 - cdf(t.nextDown))   // P(Y ≥ t), right for point masses too
    case .smaller: return bounded(cdf(t))
    case .plan:
      guard let h = planTolerance else { return nil }
      return bounded(max(0, cdf(t + h) - cdf(t - h)))
    }
  }

  /// P(worse than the intervention level); nil without one.
  public func probabilityWorseThanIntervention(cdf: (Double) -> Double) -> Double? {
    guard let l = interventionLevel else { return nil }
    switch polarity {
    case .bigger: return bounded(cdf(l.nextDown))       // P(Y < l)
    case .smaller: return bounded(1 - cdf(l))
    case .plan:
      guard let t = target else { return nil }
      let d = abs(l - t)
      return bounded(max(0, 1 - (cdf(t + d) - cdf(t - d))))
    }
  }

  /// Whether `a` is better than `b` under the polarity (Plan is Best: closer to the target).
  public func isBetter(_ a: Double, than b: Double) -> Bool {
    switch polarity {
    case .bigger: return a > b
    case .smaller: return a < b
    case .plan: return target.map { abs(a - $0) < abs(b - $0) } ?? false
    }
  }
}
