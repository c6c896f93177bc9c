/// Finds the first repeated (series, period) row in file order after the rows are grouped by
/// series — the row a check walking the file would stop at: for each series the second row
/// of each month (the first being the one it repeats), the earliest of these over all series.
/// Series are searched on all cores; a series whose months already rise in file order (the
/// usual file) is passed over without sorting.
enum RepeatedRows {
  /// The first repeated row and the line of the row it repeats, or nil.
  static func first(_ rows: [ObservationRow], groups: SeriesRowIndex) -> (row: ObservationRow, firstLine: UInt32)? {
    let seriesCount = groups.offsets.count - 1
    let chunk = 2048
    let ranges = stride(from: 0, to: seriesCount, by: chunk).map { $0..<min($0 + chunk, seriesCount) }
    let found: [(row: ObservationRow, firstLine: UInt32)?] = ranges.parallelMap { range in
      var best: (row: ObservationRow, firstLine: UInt32)?
      for s in range {
        guard let r = firstInSeries(rows, groups.rows(of: s)) else { continue }
        if best.map({ r.row.line < $0.row.line }) ?? true { best = r }
      }
      return best
    }
    return found.compactMap { $0 }.min { $0.row.line < $1.row.line }
  }

  /// The first repeat within one series' rows (indices in file order).
  private static func firstInSeries(_ rows: [ObservationRow], _ idx: ArraySlice<UInt32>) -> (row: ObservationRow, firstLine: UInt32)? {
    var rising = true, previous = Int32.min
    for i in idx {
      let m = rows[Int(i)].month
      if m <= previous { rising = false; break }
      previous = m
    }
    if rising { return nil }
    // By month, then file order: equal months sit together, the earliest first.
    let sorted = idx.sorted { (rows[Int($0)].month, $0) < (rows[Int($1)].month, $1) }
    var best: (row: ObservationRow, firstLine: UInt32)?
    var k = sorted.startIndex
    while k < sorted.endIndex {
      var j = k + 1
      while j < sorted.endIndex && rows[Int(sorted[j])].month == rows[Int(sorted[k])].month { j += 1 }
      if j - k >= 2 {
        let repeat_ = rows[Int(sorted[k + 1])]
        if best.map({ repeat_.line < $0.row.line }) ?? true { best = (repeat_, rows[Int(sorted[k])].line) }
      }
      k = j
    }
    return best
  }
}
