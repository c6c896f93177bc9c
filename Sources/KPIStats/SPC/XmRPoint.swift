/// One point of an XmR chart: its value, the limits of its (rebased) segment and its type.
public struct XmRPoint: Sendable, Equatable {
  /// Position in the values given to ``XmR/analyse(_:segmentStarts:direction:rules:)``.
  public var index: Int
  public var value: Double
  /// The segment's process mean, and lower/upper process limits (mean ∓ 2.66 × mR̄; NaN when the
  /// segment has a single point).
  public var mean: Double
  public var lpl: Double
  public var upl: Double
  /// Which segment (0 = before the first rebase).
  public var segment: Int
  public var rules: SPCRules
  public var type: SPCPointType
}
