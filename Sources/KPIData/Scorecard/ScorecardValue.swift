

/// One tidy value read from a scorecard (or a missing one, with its reason).
public struct ScorecardValue: Sendable, Equatable {
  public var indicator: String
  public var role: ScorecardRole
  public var period: Period
  /// Financial-year label of the period (`2022/23`).
  public var year: String
  /// `nil` = missing; `reason` says why.
  public var value: Double?
  /// Comparator name (`England`, `South West`, `Good/Outstanding`, `Comparator group`); nil otherwise.
  public var geography: String?
  public var unit: KPIUnit
  public var status: String?
  /// The aside kept from the cell (`14% Oct`), or a directional target's wording.
  public var note: String?
  /// Why there is no number.
  public var missingReason: String?
  /// Where the cell was: file, line, column header.
  public var source: InputLocation
  /// The cell as printed.
  public var text: String

  public init(indicator: String, role: ScorecardRole, period: Period, value: Double?, geography: String? = nil, unit: KPIUnit,
              status: String? = nil, note: String? = nil, missingReason: String? = nil, source: InputLocation, text: String) {
    self.indicator = indicator
    self.role = role
    self.period = period
    self.year = period.financialYearLabel
    self.value = value
    self.geography = geography
    self.unit = unit
    self.status = status
    self.note = note
    self.missingReason = missingReason
    self.source = source
    self.text = text
  }
}
