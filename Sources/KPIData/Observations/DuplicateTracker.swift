/// Finds a repeated (series, period) row in file order, so the first repeat is reported exactly
/// as a global check would: each series (by its index in the file's series table) keeps its own
/// months; a month after the latest one is new at once, as in the usual sorted file, and
/// others are searched.
struct DuplicateTracker {
  /// Months seen in one series with the row of each; `lookup` is built once the series is
  /// long and out of order.
  private struct Seen {
    var months = [Int32]()
    var rows = [UInt32]()
    var lookup: [Int32: UInt32]?
    var latest = Int32.min

    mutating func insert(month: Int32, row: UInt32) -> UInt32? {
      if month <= latest {
        if lookup == nil && months.count > 32 {
          var l = [Int32: UInt32](minimumCapacity: months.count * 2)
          for (m, r) in zip(months, rows) where l[m] == nil { l[m] = r }
          lookup = l
        }
        if let lookup {
          if let r = lookup[month] { return r }
        } else if let k = months.firstIndex(of: month) {
          return rows[k]
        }
      }
      months.append(month)
      rows.append(row)
      latest = max(latest, month)
      if lookup != nil { lookup?[month] = row }
      return nil
    }
  }

  private var series = [Seen]()

  /// Records the row and returns nil, or returns the earlier row with the same series and month.
  mutating func firstRow(series s: Int, month: Int32, row: UInt32) -> UInt32? {
    while series.count <= s { series.append(Seen()) }
    return series[s].insert(month: month, row: row)
  }
}
