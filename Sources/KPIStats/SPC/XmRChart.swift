/// An XmR chart of one series: its points with limits and types, and the summary icons.
public struct XmRChart: Sendable, Equatable {
  public var points: [XmRPoint]
  public var direction: SPCDirection
  public var rules: SPCRuleSet

  /// The variation icon of the latest point (nil for an empty chart).
  public var variation: SPCVariation? {
    guard let last = points.last else { return nil }
    let high = last.value > last.mean
    switch last.type {
    case .commonCause: return .commonCause
    case .specialCauseImprovement: return high ? .improvementHigh : .improvementLow
    case .specialCauseConcern: return high ? .concernHigh : .concernLow
    case .specialCauseNeutral: return high ? .neutralHigh : .neutralLow
    }
  }

  /// The assurance icon for `target` against the latest segment's limits; nil without a target,
  /// without a direction or without limits (as the package, which gives none for neutral).
  public func assurance(target: Double?) -> SPCAssurance? {
    guard let t = target, t.isFinite, direction != .neutral, let last = points.last, last.lpl.isFinite, last.upl.isFinite else { return nil }
    let up = direction == .increase
    if t > last.upl { return up ? .consistentFail : .consistentPass }
    if t < last.lpl { return up ? .consistentPass : .consistentFail }
    return .inconsistent
  }
}
