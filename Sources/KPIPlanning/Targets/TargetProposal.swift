import Foundation
import KPIData
import KPIForecast

/// Which comparator a target is held against (`--comparator`).
public enum ComparatorChoice: String, Sendable, CaseIterable {
  case england, region, neighbours
  case goodOutstanding = "good-outstanding"

  /// The geography kind this choice stands for.
  public var kind: GeographyKind {
    switch self {
    case .england: return .england
    case .region: return .region
    case .neighbours: return .neighbours
    case .goodOutstanding: return .goodOutstanding
    }
  }

  /// Whether a catalogue comparator name or an input geography belongs to this choice.
  public func matches(_ name: String) -> Bool { GeographyKind(name: name) == kind }
}

/// A comparator value with its name and year.
public struct ComparatorValue: Sendable, Equatable {
  public var name: String
  public var year: String
  public var value: Double

  public init(name: String, year: String, value: Double) {
    self.name = name
    self.year = year
    self.value = value
  }
}

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

/// A proposed target and intervention level with its evidence and plain-English rationale.
public struct TargetProposal: Sendable {
  public var key: SeriesKey
  public var unit: KPIUnit
  /// Financial-year label of the year targeted, e.g. `2025/26`.
  public var year: String
  public var evidence: TargetEvidence
  public var proposedTarget: Double
  public var proposedInterventionLevel: Double
  public var probabilityOfMeetingTarget: Double?
  public var probabilityWorseThanIntervention: Double?
  public var rationale: String
  public var warnings: [String]

  public var baselineForecast: Double { evidence.baselinePoint }
}
