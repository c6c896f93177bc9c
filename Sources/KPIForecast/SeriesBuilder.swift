import KPIData

/// Groups observations into series on regular grids (DESIGN §3): frequency inferred per series,
/// gaps filled with missing values, unit and bounds from the catalogue, else the input's `unit`
/// column, else `number` (unbounded) — and the choice is recorded.
public enum SeriesBuilder {
  public static func build(_ set: ObservationSet, catalogue: Catalogue = Catalogue()) throws -> [KPISeries] {
    // Rows are grouped by index (not copied), hashing a key only when it differs from the
    // previous row's: files usually hold each series' rows together.
    var slots = [SeriesKey: Int]()
    var keys = [SeriesKey]()
    var rows = [[Int]]()
    var previous: (key: SeriesKey, slot: Int)?
    for (i, o) in set.observations.enumerated() {
      let slot: Int
      if let p = previous, p.key.indicator == o.indicator, p.key.geography == o.geography { slot = p.slot } else {
        let k = SeriesKey(indicator: o.indicator, geography: o.geography)
        if let s = slots[k] { slot = s } else { slot = keys.count; slots[k] = slot; keys.append(k); rows.append([]) }
        previous = (k, slot)
      }
      rows[slot].append(i)
    }
    let order = keys.indices.sorted { keys[$0] < keys[$1] }
    // Series are built on all cores; the first error in series order is thrown, as one core would.
    let seriesKeys = keys, seriesRows = rows
    let built: [Result<KPISeries, any Error>] = order.parallelMap { slot in Result { try series(slot) } }
    return try built.map { try $0.get() }
    @Sendable func series(_ slot: Int) throws -> KPISeries {
      let key = seriesKeys[slot]
      let obs = seriesRows[slot].map { set.observations[$0] }.sorted { $0.period < $1.period }
      let freq = catalogue[key.indicator]?.frequency
        ?? Period.inferFrequency(obs.map { ParsedPeriod(period: $0.period, impliedFrequency: $0.impliedFrequency) })
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
      for o in obs { if let v = o.value { values[(o.period.monthIndex - first.monthIndex) / step] = v } }
      let entry = catalogue[key.indicator]
      let inputUnit = obs.compactMap(\.unit).first
      let unit = entry?.unit ?? inputUnit ?? .number
      let source = entry != nil ? "catalogue" : (inputUnit != nil ? "input" : "default")
      let bounds = entry?.effectiveBounds ?? unit.defaultBounds
      // Values outside the unit's bounds are data errors, named by row.
      for o in obs {
        guard let v = o.value else { continue }
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
                       polarity: entry?.polarity ?? obs.compactMap(\.polarity).first, entry: entry)
    }
  }
}
