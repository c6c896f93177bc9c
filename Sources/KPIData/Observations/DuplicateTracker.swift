/// Finds a repeated (indicator, geography, period) row series by series, in file order, so the
/// first repeat is reported exactly as a global check would: each series keeps its own months
/// (a month after the latest one is new at once, as in the usual sorted file; others are searched), and the series is found
/// by comparing with the previous row's before any hashing.
struct DuplicateTracker {
  private struct SeriesID: Hashable {
    var indicator: String
    var geography: String?
  }

  /// Months seen in one series with the row of each; `lookup` is built once the series is
  /// long and out of order.
  private struct Seen {
    var months = [Int]()
    var rows = [Int]()
    var lookup: [Int: Int]?
    var latest = Int.min

    mutating func insert(month: Int, row: Int) -> Int? {
      if month <= latest {
        if lookup == nil && months.count > 32 {
          var l = [Int: Int](minimumCapacity: months.count * 2)
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

  private var slots = [SeriesID: Int]()
  private var series = [Seen]()
  private var previous: (id: SeriesID, slot: Int)?

  /// Records the row and returns nil, or returns the earlier row with the same key.
  mutating func firstRow(indicator: String, geography: String?, month: Int, row: Int) -> Int? {
    let slot: Int
    if let p = previous, p.id.indicator == indicator, p.id.geography == geography {
      slot = p.slot
    } else {
      let id = SeriesID(indicator: indicator, geography: geography)
      if let s = slots[id] { slot = s } else { slot = series.count; slots[id] = slot; series.append(Seen()) }
      previous = (id, slot)
    }
    return series[slot].insert(month: month, row: row)
  }
}
