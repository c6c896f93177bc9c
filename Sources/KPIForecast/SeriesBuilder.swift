import KPIData

/// Groups observations into series on regular grids (DESIGN §3): frequency inferred per series,
/// gaps filled with missing values, unit and bounds from the catalogue, else the input's `unit`
/// column, else `number` (unbounded) — and the choice is recorded.
public enum SeriesBuilder {
  public static func build(_ set: ObservationSet, catalogue: Catalogue = Catalogue()) throws -> [KPISeries] {
    // Rows are grouped by their series index (the reader's counting sort: no copy, no hashing).
    let groups = set.groups
    let keys = set.seriesNames.map { SeriesKey(indicator: $0.indicator, geography: $0.geography) }
    let order = keys.indices.sorted { keys[$0] < keys[$1] }
    // Series are built on all cores in runs of 1,024; the first error in series order is
    // thrown, as one core would. Each run is freed as it is appended, so the series are held
    // once, not twice.
    let runs = stride(from: 0, to: order.count, by: 1024).map { order[$0..<min($0 + 1024, order.count)] }
    var built: [Result<[KPISeries], any Error>] = runs.parallelMap { run in Result { try run.map(series) } }
    var out = [KPISeries]()
    out.reserveCapacity(order.count)
    for k in built.indices {
      let run = built[k]
      built[k] = .success([])
      out += try run.get()
    }
    return out
    @Sendable func series(_ slot: Int) throws -> KPISeries {
      let key = keys[slot]
      let obs = groups.rows(of: slot).map { set.rows[Int($0)] }.sorted { $0.month < $1.month }
      func detail(_ r: ObservationRow) -> ObservationDetail { set.details[Int(r.detail)] }
      let freq = catalogue[key.indicator]?.frequency
        ?? Period.inferFrequency(obs.map { ParsedPeriod(period: $0.period, impliedFrequency: detail($0).impliedFrequency) })
      let step = freq.monthsPerStep
      guard let first = obs.first?.period, let last = obs.last?.period else {
        throw DataError.invalid(InputLocation(file: set.file), message: "series \(key) has no rows")
      }
      // Every period must sit on the grid of the series' frequency.
      for o in obs where (o.period.monthIndex - first.monthIndex) % step != 0 {
        throw DataError.invalid(InputLocation(file: set.file, row: o.row, column: "period"),
          message: "period \(o.period) does not fit the \(freq.rawValue) series \(key) that starts at \(first)")
      }
      let count = (last.monthIndex - first.monthIndex) / step + 1
      var values = [Double](repeating: .nan, count: count)
      for o in obs { if let v = o.observedValue { values[(o.period.monthIndex - first.monthIndex) / step] = v } }
      let entry = catalogue[key.indicator]
      let inputUnit = obs.lazy.compactMap { detail($0).unit }.first
      let unit = entry?.unit ?? inputUnit ?? .number
      let source = entry != nil ? "catalogue" : (inputUnit != nil ? "input" : "default")
      let bounds = entry?.effectiveBounds ?? unit.defaultBounds
      // Values outside the unit's bounds are data errors, named by row.
      for o in obs {
        guard let v = o.observedValue else { continue }
        if let lo = bounds.lower, v < lo || (bounds.upper.map { v > $0 } ?? false) {
          throw DataError.invalid(InputLocation(file: set.file, row: o.row, column: "value"),
            message: "'\(v)' is outside the bounds of \(key.indicator) (\(unit.rawValue), \(lo) to \(bounds.upper.map { "\($0)" } ?? "∞"))")
        }
        if bounds.lower == nil, let hi = bounds.upper, v > hi {
          throw DataError.invalid(InputLocation(file: set.file, row: o.row, column: "value"),
            message: "'\(v)' is above the upper bound \(hi) of \(key.indicator)")
        }
      }
      return KPISeries(key: key, frequency: freq, start: first, values: values, unit: unit, unitSource: source, bounds: bounds,
                       polarity: entry?.polarity ?? obs.lazy.compactMap { detail($0).polarity }.first, entry: entry)
    }
  }
}
