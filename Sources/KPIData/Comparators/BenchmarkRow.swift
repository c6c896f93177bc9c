import Foundation

/// One KPI-year of an authority against its comparators, following LAIT's rules.
public struct BenchmarkRow: Sendable, Equatable {
  public var measure: String
  public var measureName: String
  /// The catalogue indicator linked to the measure (`lait_measure`), if any.
  public var indicator: String?
  public var period: String
  /// `bigger`, `smaller`, or nil for LAIT's context measures.
  public var polarity: Polarity?
  public var unit: String
  public var authority: String
  public var value: Double?
  public var england: Double?
  public var region: String
  public var regionValue: Double?
  /// Plain mean (LAIT's statistical-neighbour average) and median of the neighbours with a value.
  public var neighbourMean: Double?
  public var neighbourMedian: Double?
  public var neighbourCount: Int
  /// Mean over authorities judged Good or Outstanding overall by Ofsted (ILACS, as at 31 March 2025).
  public var goodOutstandingMean: Double?
  public var goodOutstandingCount: Int
  /// National rank, 1 = best by polarity, ties share the lowest rank (R `rank(ties.method = "min")`).
  public var rank: Int?
  /// Authorities with a value that year.
  public var rankOf: Int
  /// A (best by polarity) … D, from R `quantile()` (type 7) of that year's authority values.
  public var quartileBand: String?
  /// Values of predecessor authorities (`Bournemouth (Pre LG)=3.6`) for years before the authority existed.
  public var predecessorValues: [(String, Double)]
  public var note: String?

  public static func == (a: BenchmarkRow, b: BenchmarkRow) -> Bool {
    a.measure == b.measure && a.period == b.period && a.value == b.value && a.rank == b.rank && a.quartileBand == b.quartileBand
  }
}
