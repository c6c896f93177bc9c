/// A row's less varying cells, kept once per distinct combination (rows point to it by index):
/// the period notation's frequency hint, unit, polarity, status, the extra columns' text and
/// the missing-value marker.
public struct ObservationDetail: Sendable, Hashable {
  public var impliedFrequency: Frequency?
  public var unit: KPIUnit?
  public var polarity: Polarity?
  public var status: String?
  /// The extra columns' cells, in the order of ``ObservationSet/extraColumns``.
  public var extras: [String]
  /// The value cell's text when it was read as missing (`x`, `NaN`, `-` …).
  public var missingText: String?

  public init(impliedFrequency: Frequency? = nil, unit: KPIUnit? = nil, polarity: Polarity? = nil, status: String? = nil,
              extras: [String] = [], missingText: String? = nil) {
    self.impliedFrequency = impliedFrequency
    self.unit = unit
    self.polarity = polarity
    self.status = status
    self.extras = extras
    self.missingText = missingText
  }
}
