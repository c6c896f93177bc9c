

/// An indicator as a scorecard describes it.
public struct ScorecardIndicator: Sendable, Equatable {
  public var id: String
  public var title: String
  /// The scorecard's own number for it (`1.1`, `14`), if printed.
  public var ref: String?
  public var definition: String?
  public var unit: KPIUnit
  public var polarity: Polarity?
  /// `published` (a polarity column) or `inferred from target and intervention level`.
  public var polaritySource: String?
  public var basis: ReportingBasis?
  public var frequency: Frequency
  public var section: String?
  /// File and first line.
  public var source: InputLocation
  /// The indicator whose bracketed numbers this one holds (`cic` for `cic-rate`).
  public var pairedWith: String?
  /// Commentary kept from text columns (reason, actions, comments), one string per line read.
  public var commentary: [String]
  /// Whether the id came from a catalogue entry (else it was made from the title).
  public var inCatalogue = false

  public init(id: String, title: String, unit: KPIUnit, frequency: Frequency = .quarterly, source: InputLocation) {
    self.id = id
    self.title = title
    self.unit = unit
    self.frequency = frequency
    self.source = source
    self.commentary = []
  }
}
