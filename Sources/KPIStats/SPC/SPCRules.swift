/// Which special-cause rules flagged a point (several may at once).
public struct SPCRules: OptionSet, Sendable, Hashable, Codable {
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }

  /// Above the upper or below the lower process limit.
  public static let outsideLimits = SPCRules(rawValue: 1)
  /// Part of a run of 7 or more points on one side of the mean.
  public static let runOfSeven = SPCRules(rawValue: 2)
  /// Part of a trend of 7 points each rising (or falling) from the one before.
  public static let trendOfSeven = SPCRules(rawValue: 4)
  /// One of 2 (or 3) out of 3 points between two-thirds of the limit and the limit.
  public static let twoOfThree = SPCRules(rawValue: 8)

  /// Plain-English names of the rules, in the order above.
  public var names: [String] {
    var out = [String]()
    if contains(.outsideLimits) { out.append("outside the process limits") }
    if contains(.runOfSeven) { out.append("a run of 7 on one side of the average") }
    if contains(.trendOfSeven) { out.append("a trend of 7 rising or falling") }
    if contains(.twoOfThree) { out.append("2 of 3 points close to a limit") }
    return out
  }
}
