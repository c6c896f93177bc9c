/// An observations file's rows grouped by series without copying them: the row indices of
/// series `s` are `rows[offsets[s]..<offsets[s + 1]]`, in file order (a counting sort on the
/// series index, no hashing).
public struct SeriesRowIndex: Sendable {
  /// Where each series' rows start in ``rows``; one more entry than there are series.
  public var offsets: [Int]
  /// Indices into ``ObservationSet/rows``, grouped by series.
  public var rows: [UInt32]

  /// Groups `rows` whose series indices are below `seriesCount`.
  public init(_ rowsInFileOrder: [ObservationRow], seriesCount: Int) {
    var offsets = [Int](repeating: 0, count: seriesCount + 1)
    for r in rowsInFileOrder { offsets[Int(r.series) + 1] += 1 }
    for s in 0..<seriesCount { offsets[s + 1] += offsets[s] }
    var next = offsets
    var rows = [UInt32](repeating: 0, count: rowsInFileOrder.count)
    for (i, r) in rowsInFileOrder.enumerated() {
      rows[next[Int(r.series)]] = UInt32(truncatingIfNeeded: i)
      next[Int(r.series)] += 1
    }
    self.offsets = offsets
    self.rows = rows
  }

  /// The row indices of series `s`, in file order.
  public func rows(of s: Int) -> ArraySlice<UInt32> { rows[offsets[s]..<offsets[s + 1]] }
}
