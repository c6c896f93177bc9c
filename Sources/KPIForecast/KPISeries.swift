import KPIData

/// One KPI series on a regular grid of periods, with what is known about it.
public struct KPISeries: Sendable {
  public var key: SeriesKey
  public var frequency: Frequency
  /// The first period of the grid (the first observation).
  public var start: Period
  /// Values per period from `start`; `.nan` marks a gap.
  public var values: [Double]
  public var unit: KPIUnit
  /// Where the unit came from, for output (`catalogue`, `input`, or `default`).
  public var unitSource: String
  public var bounds: (lower: Double?, upper: Double?)
  public var polarity: Polarity?
  /// The catalogue entry, if the indicator has one.
  public var entry: CatalogueEntry?

  public init(key: SeriesKey, frequency: Frequency, start: Period, values: [Double], unit: KPIUnit, unitSource: String = "input",
              bounds: (lower: Double?, upper: Double?)? = nil, polarity: Polarity? = nil, entry: CatalogueEntry? = nil) {
    self.key = key
    self.frequency = frequency
    self.start = start
    self.values = values
    self.unit = unit
    self.unitSource = unitSource
    self.bounds = bounds ?? unit.defaultBounds
    self.polarity = polarity
    self.entry = entry
  }

  /// Period of grid position `i` (may be past the end).
  public func period(at i: Int) -> Period { start.advanced(by: i * frequency.monthsPerStep) }
  /// Last period of the grid.
  public var end: Period { period(at: values.count - 1) }
  public var observedCount: Int { values.reduce(0) { $1.isNaN ? $0 : $0 + 1 } }
  /// Season of the first value, in financial order (0 = Q1 Apr–Jun, or April).
  public var firstSeason: Int {
    frequency == .annual ? 0 : start.financialMonthIndex / frequency.monthsPerStep
  }
}
