/// Joins parsed parts in file order into one ``ObservationSet``: each part's series and
/// details re-indexed into shared tables, repeated rows checked series by series, and the
/// first error in file order thrown (a part's bad row comes after every repeat among the rows
/// before it). Parts are added one at a time, so a file can be read block by block.
struct ObservationMerger {
  let columns: ObservationColumns
  let file: String
  private var seriesNames = [ObservationSeriesName](), seriesIndex = [ObservationSeriesName: UInt32]()
  private var details = [ObservationDetail](), detailIndex = [ObservationDetail: UInt32]()
  private var rows = [ObservationRow]()
  private var seen = DuplicateTracker()
  private var dataRows = 0

  init(columns: ObservationColumns, file: String) {
    self.columns = columns
    self.file = file
  }

  /// Room for `count` more rows (so the rows array is not regrown while parts arrive).
  mutating func reserve(_ count: Int) { rows.reserveCapacity(rows.count + count) }

  /// Adds the next part's rows; throws the first repeated row among them, else the part's error.
  mutating func add(_ part: ObservationPart) throws(DataError) {
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
      if let first = seen.firstRow(series: Int(r.series), month: r.month, row: r.line) {
        let name = seriesNames[Int(r.series)]
        throw DataError.duplicateObservation(InputLocation(file: file, row: r.row, column: columns.names[columns.period]),
          firstRow: Int(first), key: "indicator '\(name.indicator)'\(name.geography.map { ", geography '\($0)'" } ?? ""), period \(r.period)")
      }
      rows.append(r)
    }
    if let e = part.error { throw e }
    dataRows += part.dataRows
  }

  /// The set of every part added; a header alone is an error ("no data rows").
  consuming func finish() throws(DataError) -> ObservationSet {
    guard dataRows > 0 else { throw DataError.noDataRows(file: file) }
    return ObservationSet(file: file, hasGeography: columns.geography != nil, extraColumns: columns.extras.map { columns.names[$0] },
                          seriesNames: seriesNames, rows: rows, details: details)
  }
}
