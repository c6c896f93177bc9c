/// Joins parsed parts in file order into one ``ObservationSet``: each part's series and
/// details re-indexed into shared tables. Parts are added one at a time (a file can be read
/// block by block) until one holds a bad row; ``finish()`` then throws the first problem in
/// file order: a repeated row among the rows before the bad one (``RepeatedRows``), else the
/// bad row.
struct ObservationMerger {
  let columns: ObservationColumns
  let file: String
  private var seriesNames = [ObservationSeriesName](), seriesIndex = [ObservationSeriesName: UInt32]()
  private var details = [ObservationDetail](), detailIndex = [ObservationDetail: UInt32]()
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
    let seriesMap = part.seriesNames.map { name -> UInt32 in
      if let s = seriesIndex[name] { return s }
      let s = UInt32(seriesNames.count)
      seriesIndex[name] = s
      seriesNames.append(name)
      return s
    }
    let detailMap = part.details.map { d -> UInt32 in
      if let i = detailIndex[d] { return i }
      let i = UInt32(details.count)
      detailIndex[d] = i
      details.append(d)
      return i
    }
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
