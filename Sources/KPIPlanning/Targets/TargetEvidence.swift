import Foundation
import KPIData
import KPIForecast

/// The evidence behind a proposal (DESIGN §6).
public struct TargetEvidence: Sendable {
  /// The baseline (no real change) distribution of the year's outturn and how it was made.
  public var baseline: YearEndDistribution
  /// The baseline's 10%, 50% and 90% quantiles and point forecast, computed once (the pooled
  /// model's quantiles are found numerically).
  public let band: [Double]
  public let baselinePoint: Double
  public var baselineMethod: String
  /// The comparator the rule holds the target against (the `--comparator` choice, else the
  /// first available of neighbours, England, region, Good/Outstanding).
  public var relevantComparator: ComparatorValue?
  /// Change per year of the recent year-end values (least-squares slope), if ≥ 3 years.
  public var trendPerYear: Double?
  /// Best year-end value of the last three years and its year.
  public var bestRecent: (value: Double, year: String)?
  public var comparators: [ComparatorValue]
  /// Quartile band A (best) … D among the authorities in the input, when there are ≥ 8.
  public var quartileBand: String?
  public var polarity: Polarity

  public init(baseline: YearEndDistribution, baselineMethod: String, relevantComparator: ComparatorValue? = nil,
              trendPerYear: Double? = nil, bestRecent: (value: Double, year: String)? = nil, comparators: [ComparatorValue] = [],
              quartileBand: String? = nil, polarity: Polarity) {
    self.baseline = baseline
    self.band = [0.1, 0.5, 0.9].map(baseline.quantile)
    if case .affine = baseline { self.baselinePoint = baseline.point } else { self.baselinePoint = band[1] }
    self.baselineMethod = baselineMethod
    self.relevantComparator = relevantComparator
    self.trendPerYear = trendPerYear
    self.bestRecent = bestRecent
    self.comparators = comparators
    self.quartileBand = quartileBand
    self.polarity = polarity
  }
}
