/// A parsed observations file, held compactly: each row is 24 bytes (``ObservationRow``) and
/// points into a table of series names and a table of distinct details, so memory grows with
/// the rows' numbers and the series, not with the rows' text.
public struct ObservationSet: Sendable {
  public var file: String
  /// Whether the input had a `geography` column (then output carries one too).
  public var hasGeography: Bool
  /// Names of the extra columns, in file order.
  public var extraColumns: [String]
  /// Each series' indicator and geography, in order of first appearance.
  public var seriesNames: [ObservationSeriesName]
  /// The data rows in file order.
  public var rows: [ObservationRow]
  /// The distinct details the rows point to.
  public var details: [ObservationDetail]
  /// The rows grouped by series.
  public var groups: SeriesRowIndex

  public init(file: String, hasGeography: Bool, extraColumns: [String], seriesNames: [ObservationSeriesName],
              rows: [ObservationRow], details: [ObservationDetail]) {
    self.file = file
    self.hasGeography = hasGeography
    self.extraColumns = extraColumns
    self.seriesNames = seriesNames
    self.rows = rows
    self.details = details
    groups = SeriesRowIndex(rows, seriesCount: seriesNames.count)
  }

  /// Every row as an ``Observation``, in file order (built on each call: for small files and
  /// callers that want the full rows; large-scale code reads ``rows``).
  public var observations: [Observation] { rows.map(observation) }

  /// One row as an ``Observation``.
  public func observation(_ r: ObservationRow) -> Observation {
    let name = seriesNames[Int(r.series)], d = details[Int(r.detail)]
    var extra = [String: String]()
    for (k, column) in extraColumns.enumerated() where k < d.extras.count { extra[column] = d.extras[k] }
    return Observation(indicator: name.indicator, geography: name.geography, period: r.period, impliedFrequency: d.impliedFrequency,
                       value: r.observedValue, status: d.status, unit: d.unit, polarity: d.polarity, row: r.row, extra: extra,
                       missingText: d.missingText)
  }

  /// Frees the rows once the series hold the values (the names and header stay).
  public mutating func releaseRows() {
    rows = []
    details = []
    groups = SeriesRowIndex([], seriesCount: 0)
  }
}
