/// Joins parsed parts in file order into one ``ObservationSet``: each part's series and
/// details re-indexed into shared tables. Parts are added one at a time (a file can be read
/// block by block) until one holds a bad row; ``finish()`` then throws the first problem in
/// file order: a repeated row among the rows before the bad one (``RepeatedRows``), else the
/// bad row.
struct ObservationMerger {
  let columns: ObservationColumns
  let file: String
  private var seriesNames = [ObservationSeriesName](), seriesIndex = InternIndex<ObservationSeriesName>()
  private var details = [ObservationDetail](), detailIndex = InternIndex<ObservationDetail>()
  private var rows = [ObservationRow]()
  private var dataRows = 0
  /// The first bad row: no part is added after it.
  private(set) var failure: DataError?

  init(columns: ObservationColumns, file: String) {
    self.columns = columns
    self.file = file
  }

  /// Room for `count` more rows (so the rows array is not regrown while parts arrive).
  mutating func reserve(_ count: Int) { rows.reserveCapacity(rows.count + count) }

  /// Adds the next part's rows and keeps its error (parts after one with an error are ignored).
  mutating func add(_ part: ObservationPart) {
    guard failure == nil else { return }
    var seriesMap = [UInt32](), detailMap = [UInt32]()
    seriesMap.reserveCapacity(part.seriesNames.count)
    detailMap.reserveCapacity(part.details.count)
    for name in part.seriesNames { seriesMap.append(seriesIndex.number(of: name, in: &seriesNames)) }
    for d in part.details { detailMap.append(detailIndex.number(of: d, in: &details)) }
    for var r in part.rows {
      r.series = seriesMap[Int(r.series)]
      r.detail = detailMap[Int(r.detail)]
      rows.append(r)
    }
    failure = part.error
    dataRows += part.dataRows
  }

  /// The set of every part added; a header alone is an error ("no data rows").
  consuming func finish() throws(DataError) -> ObservationSet {
    let set = ObservationSet(file: file, hasGeography: columns.geography != nil, extraColumns: columns.extras.map { columns.names[$0] },
                             seriesNames: seriesNames, rows: rows, details: details)
    rows = []
    if let (r, first) = RepeatedRows.first(set.rows, groups: set.groups) {
      let name = seriesNames[Int(r.series)]
      throw DataError.duplicateObservation(InputLocation(file: file, row: r.row, column: columns.names[columns.period]),
        firstRow: Int(first), key: "indicator '\(name.indicator)'\(name.geography.map { ", geography '\($0)'" } ?? ""), period \(r.period)")
    }
    if let failure { throw failure }
    guard dataRows > 0 else { throw DataError.noDataRows(file: file) }
    return set
  }
}
