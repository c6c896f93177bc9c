import Foundation
import KPIData
import KPIForecast

/// Runs the target rule over every series of an input: builds each baseline (pooled across
/// authorities for annual panels of ≥ 20, else the series' own year-end forecast) and the
/// evidence, then proposes.
public enum TargetPlanner {
  /// Geographies that are comparators rather than authorities (``GeographyKind``).
  static func isAggregate(_ g: String?) -> Bool { GeographyKind(name: g).isAggregate }

  /// The engine horizon a targets run needs: the year-end command's (`toYearEnd`) for each
  /// series' next year, or through March of the asked year.
  public static func horizon(year: Int?) -> Horizon { year.map { .throughMarch(year: $0) } ?? .toYearEnd }

  /// Proposals per series (series without a polarity are skipped with a note), in input order.
  /// `forecasts` are the engine's forecasts of the whole input with ``horizon(year:)``, so the
  /// baseline is the year-end command's distribution of the same KPI. `year` is the financial
  /// year's end (2026 for 2025/26); default: each series' next year-end. Pooled models (annual
  /// panels of at least 20 authorities) are fitted first, then series run on all cores.
  public static func proposals(_ forecasts: [SeriesForecast], year: Int?, options: TargetOptions,
                               yearEndOptions: YearEndOptions) throws -> (proposals: [TargetProposal], notes: [PlanningNote]) {
    let series = forecasts.map(\.series)
    var grouping = [String: [KPISeries]]()
    for s in series { grouping[s.key.indicator, default: []].append(s) }
    // Each indicator's authorities and comparator geographies, classified once (not per series).
    let authoritiesOf = grouping.mapValues { $0.filter { !isAggregate($0.key.geography) } }
    let aggregatesOf = grouping.mapValues { $0.filter { isAggregate($0.key.geography) } }
    @Sendable func targetYear(_ s: KPISeries) -> (t: Int, last: Period)? {
      guard let lastIdx = s.values.lastIndex(where: { !$0.isNaN }) else { return nil }
      let lastPeriod = s.period(at: lastIdx)
      return (year ?? (s.frequency == .annual ? lastPeriod.year + 1 : lastPeriod.nextMarch.year), lastPeriod)
    }
    @Sendable func usesPool(_ s: KPISeries) -> Bool {
      s.frequency == .annual && !isAggregate(s.key.geography) && s.polarity != nil
        && (authoritiesOf[s.key.indicator] ?? []).count >= PooledAnnualModel.minimumAuthorities
    }
    // indicator → year → geography → distribution
    var pooled = [String: [Int: [String: YearEndDistribution]]]()
    for s in series where usesPool(s) {
      guard let (t, _) = targetYear(s), pooled[s.key.indicator]?[t] == nil else { continue }
      var panel = [String: [Int: Double]]()
      for a in authoritiesOf[s.key.indicator] ?? [] {
        var m = [Int: Double]()
        for (i, v) in a.values.enumerated() where !v.isNaN { m[a.period(at: i).year] = v }
        panel[a.key.geography ?? ""] = m
      }
      pooled[s.key.indicator, default: [:]][t] = PooledAnnualModel(panel: panel).predict(year: t)
    }
    let pools = pooled
    let results: [Result<(TargetProposal?, PlanningNote?), Error>] = Array(series.indices).parallelMap { index in
      let s = series[index]
      return Result {
        guard let pol = s.polarity else { return (nil, PlanningNote(key: s.key, message: "no polarity (catalogue or input column): no target proposed")) }
        guard let (t, lastPeriod) = targetYear(s) else { return (nil, PlanningNote(key: s.key, message: "no observations")) }
        let march = Period(year: t, month: 3)
        guard march > lastPeriod else {
          return (nil, PlanningNote(key: s.key, message: "\(march.financialYearLabel) is already observed (last value \(lastPeriod)): no target proposed"))
        }
        let label = march.financialYearLabel
        let authorities = authoritiesOf[s.key.indicator] ?? []
        var baseline: YearEndDistribution?
        var method = ""
        var warnings = [String]()
        if usesPool(s) {
          if let d = pools[s.key.indicator]?[t]?[s.key.geography ?? ""] {
            baseline = d
            method = "pooled model across \(authorities.count) authorities"
          } else if (pools[s.key.indicator]?[t] ?? [:]).isEmpty == false {
            warnings.append("too little history or no \(Period(year: t - 1, month: 3).financialYearLabel) value for the pooled model: own forecast used")
          }
        }
        if baseline == nil {
          let f = forecasts[index]
          if let r = f.refusal { return (nil, PlanningNote(key: s.key, message: "\(r)")) }
          guard let o = YearEndCalculator.outlook(f, yearEnd: march, options: yearEndOptions, streamIndex: index) else {
            return (nil, PlanningNote(key: s.key, message: "no forecast for \(label)"))
          }
          baseline = o.distribution
          method = "\(f.model), \(o.aggregation.description)"
          // The year's own target is what this command proposes: a carried-forward one is beside the point.
          warnings += o.warnings.filter { !$0.contains("carried forward") }
        }
        guard let base = baseline else { return (nil, nil) }
        let comps = comparators(for: s, aggregates: aggregatesOf[s.key.indicator] ?? [], authorities: authorities,
                                choice: options.comparator, before: march)
        let relevant = options.comparator.map { c in comps.first { c.matches($0.name) } } ?? comps.first
        if let c = options.comparator, relevant == nil { warnings.append("no \(c.rawValue) comparator value for \(s.key.indicator)") }
        let evidence = TargetEvidence(baseline: base, baselineMethod: method, relevantComparator: relevant, trendPerYear: trend(s),
                                      bestRecent: bestRecent(s, polarity: pol), comparators: comps,
                                      quartileBand: quartileBand(s, authorities: authorities, polarity: pol), polarity: pol)
        if evidence.band[2] - evidence.band[0] <= 1e-9 * max(1, abs(evidence.band[1])) {
          warnings.append("the baseline forecast has no spread (too few observations): the probabilities say nothing; set this target by judgement")
        }
        var p = TargetProposer.propose(key: s.key, unit: s.unit, yearLabel: label, evidence: evidence, options: options)
        p.warnings = warnings
        return (p, nil)
      }
    }
    var out = [TargetProposal](), notes = [PlanningNote]()
    for r in results {
      let (p, note) = try r.get()
      if let p { out.append(p) }
      if let note { notes.append(note) }
    }
    return (out, notes)
  }

  /// Least-squares slope per year of the last (up to) 5 years' values: annual values, or for
  /// sub-annual series the last 8 periods scaled to a year. Nil with fewer than 3 values.
  static func trend(_ s: KPISeries) -> Double? {
    let window = s.frequency == .annual ? 5 : 8
    let pts = s.values.enumerated().filter { !$0.element.isNaN }.suffix(window)
    guard pts.count >= 3 else { return nil }
    let xs = pts.map { Double($0.offset) }, ys = pts.map(\.element)
    let mx = xs.reduce(0, +) / Double(xs.count), my = ys.reduce(0, +) / Double(ys.count)
    var sxy = 0.0, sxx = 0.0
    for (x, y) in zip(xs, ys) { sxy += (x - mx) * (y - my); sxx += (x - mx) * (x - mx) }
    guard sxx > 0 else { return nil }
    return sxy / sxx * Double(s.frequency.seasonalPeriod)
  }

  /// Best value of the last three years (annual) or last four periods (none for year-to-date series).
  static func bestRecent(_ s: KPISeries, polarity: Polarity) -> (value: Double, year: String)? {
    // A single quarter of a year-to-date total is not comparable with the outturn.
    if s.entry?.basis == .yearToDate && s.frequency != .annual { return nil }
    let n = s.frequency == .annual ? 3 : 4
    let pts = s.values.enumerated().filter { !$0.element.isNaN }.suffix(n)
    let best: EnumeratedSequence<[Double]>.Element?
    switch polarity {
    case .bigger: best = pts.max { $0.element < $1.element }
    case .smaller: best = pts.min { $0.element < $1.element }
    case .plan: return nil
    }
    guard let b = best else { return nil }
    let p = s.period(at: b.offset)
    return (b.element, s.frequency == .annual ? p.financialYearLabel : p.description)
  }

  /// Comparator values, the chosen comparator first (default preference: neighbours, England,
  /// region, Good/Outstanding). From the catalogue and from comparator geographies in the input
  /// (England; with a panel of authorities and no England row, their plain mean). `aggregates`
  /// and `authorities` are the indicator's comparator and authority series.
  static func comparators(for s: KPISeries, aggregates: [KPISeries], authorities: [KPISeries], choice: ComparatorChoice?,
                          before march: Period) -> [ComparatorValue] {
    var values = [ComparatorValue]()
    for (name, byYear) in (s.entry?.comparators ?? [:]).sorted(by: { $0.key < $1.key }) {
      let latest = byYear.compactMap { k, v -> (Period, String, Double)? in
        guard let p = Period.parse(k)?.period, p < march else { return nil }
        return (p, k, v)
      }.max { $0.0 < $1.0 }
      if let (_, k, v) = latest { values.append(ComparatorValue(name: name.replacingOccurrences(of: "_", with: " "), year: k, value: v)) }
    }
    for c in aggregates where c.key != s.key {
      if let i = c.values.lastIndex(where: { !$0.isNaN }), c.period(at: i) < march {
        let p = c.period(at: i)
        values.append(ComparatorValue(name: c.key.geography ?? "", year: c.frequency == .annual ? p.financialYearLabel : p.description, value: c.values[i]))
      }
    }
    if !values.contains(where: { ComparatorChoice.england.matches($0.name) }), authorities.count >= 8 {
      // The all-authority mean of the latest year before the target year.
      var latest: Period?
      for a in authorities { for (i, v) in a.values.enumerated() where !v.isNaN && a.period(at: i) < march { latest = max(latest ?? a.period(at: i), a.period(at: i)) } }
      if let lp = latest {
        let vals = authorities.compactMap { a -> Double? in
          let i = (lp.monthIndex - a.start.monthIndex) / a.frequency.monthsPerStep
          guard (lp.monthIndex - a.start.monthIndex) % a.frequency.monthsPerStep == 0, i >= 0, i < a.values.count, !a.values[i].isNaN else { return nil }
          return a.values[i]
        }
        if !vals.isEmpty {
          values.append(ComparatorValue(name: "all-authority average (England proxy)", year: s.frequency == .annual ? lp.financialYearLabel : lp.description,
                                        value: vals.reduce(0, +) / Double(vals.count)))
        }
      }
    }
    let order: [ComparatorChoice] = choice.map { [$0] } ?? [.neighbours, .england, .region, .goodOutstanding]
    func rank(_ c: ComparatorValue) -> Int { order.firstIndex { $0.matches(c.name) } ?? order.count }
    let sorted = values.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
    return sorted
  }

  /// Quartile band (A best … D) of the series' latest value among the authorities' values of the
  /// same period, LAIT's convention; nil with fewer than 8 authorities.
  static func quartileBand(_ s: KPISeries, authorities: [KPISeries], polarity: Polarity) -> String? {
    guard authorities.count >= 8, polarity != .plan, !isAggregate(s.key.geography),
          let i = s.values.lastIndex(where: { !$0.isNaN }) else { return nil }
    let p = s.period(at: i), v = s.values[i]
    let vals = authorities.compactMap { a -> Double? in
      let d = p.monthIndex - a.start.monthIndex, step = a.frequency.monthsPerStep
      guard d >= 0, d % step == 0, d / step < a.values.count, !a.values[d / step].isNaN else { return nil }
      return a.values[d / step]
    }
    guard vals.count >= 8 else { return nil }
    let better = vals.filter { polarity == .bigger ? $0 > v : $0 < v }.count
    let share = Double(better) / Double(vals.count)
    return share < 0.25 ? "A" : share < 0.5 ? "B" : share < 0.75 ? "C" : "D"
  }
}
