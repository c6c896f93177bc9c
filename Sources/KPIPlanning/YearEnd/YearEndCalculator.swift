import Foundation
import KPIData
import KPIForecast
import KPIStats

/// Builds year-end outlooks from forecasts.
public enum YearEndCalculator {
  /// The reporting basis of a series: the catalogue's, else Snapshot (said in the warnings).
  public static func basis(of s: KPISeries) -> (ReportingBasis, String) {
    if let b = s.entry?.basis { return (b, "catalogue") }
    return (.snapshot, "default")
  }

  /// Target and intervention level for the financial year `label` from the catalogue, with the
  /// series' polarity; nil without a polarity. A year with no target of its own carries the
  /// latest earlier year's target and level forward (as scorecards roll them on), and says so.
  public static func thresholds(for s: KPISeries, yearLabel label: String) -> Thresholds? {
    thresholdsWithNote(for: s, yearLabel: label).thresholds
  }

  public static func thresholdsWithNote(for s: KPISeries, yearLabel label: String) -> (thresholds: Thresholds?, note: String?) {
    guard let pol = s.polarity else { return (nil, nil) }
    var target = lookup(s.entry?.targets, label), level = lookup(s.entry?.interventionLevels, label)
    var note: String?
    if target == nil, let (year, t) = latestBefore(s.entry?.targets, label) {
      target = t
      if level == nil, let l = lookup(s.entry?.interventionLevels, year) { level = l }
      note = "no \(label) target in the catalogue: the \(year) target\(level != nil ? " and intervention level" : "") carried forward"
    }
    let margin = level == nil && pol != .plan ? (s.entry?.significantMargin ?? CatalogueEntry.defaultSignificantMargin) : nil
    return (Thresholds(target: target, interventionLevel: level, polarity: pol, significantMargin: margin, fixed: s.entry?.fixed ?? false), note)
  }

  /// The entry of the latest year before `label` (financial-year labels compare by their end).
  static func latestBefore(_ table: [String: Double]?, _ label: String) -> (String, Double)? {
    guard let table, let end = Period.parse(label)?.period else { return nil }
    let earlier = table.compactMap { k, v -> (Period, String, Double)? in
      guard let p = Period.parse(k), p.impliedFrequency == .annual, p.period < end else { return nil }
      return (p.period, p.period.financialYearLabel, v)
    }
    return earlier.max { $0.0 < $1.0 }.map { ($0.1, $0.2) }
  }

  /// Finds a per-year value under `2023/24`, `2023-24`, `2024` or `2023/2024`.
  static func lookup(_ table: [String: Double]?, _ label: String) -> Double? {
    guard let table else { return nil }
    if let v = table[label] { return v }
    for (k, v) in table { if let p = Period.parse(k), p.period.financialYearLabel == label, p.impliedFrequency == .annual { return v } }
    return nil
  }

  /// The year-end outlook of one forecast. `yearEnd` defaults to the last forecast period's
  /// financial year; `comparators` are other series of the same indicator (e.g. England).
  public static func outlook(_ f: SeriesForecast, yearEnd: Period? = nil, options: YearEndOptions = YearEndOptions(),
                             streamIndex: Int = 0, comparators: [KPISeries] = []) -> YearEndOutlook? {
    let (basis, basisSource) = basis(of: f.series)
    guard let agg = YearEndAggregation.plan(for: f, basis: basis, yearEnd: yearEnd) else { return nil }
    let dist = distribution(f, aggregation: agg, options: options, streamIndex: streamIndex)
    var warnings = f.warnings + agg.warnings
    if f.series.polarity == nil { warnings.append("no polarity: no status or probabilities") }
    let (th, said) = thresholdsAndNotes(for: f.series, yearEnd: agg.yearEnd, basisSource: basisSource)
    warnings += said
    var o = YearEndOutlook(key: f.series.key, unit: f.series.unit, basis: basis, basisSource: basisSource, aggregation: agg,
                           distribution: dist, thresholds: th, model: f.model, reason: "", warnings: warnings)
    o.reason = ReasonDrafter.draft(outlook: o, series: f.series, comparators: comparators)
    return o
  }

  /// The year's thresholds and what the output must say about them and the basis: a default
  /// basis, a target carried forward, a ▲ from the default margin. Forecast and actual outlooks
  /// say the same.
  static func thresholdsAndNotes(for s: KPISeries, yearEnd: Period, basisSource: String) -> (Thresholds?, [String]) {
    var notes = [String]()
    if basisSource == "default" { notes.append("no reporting basis in the catalogue: Snapshot assumed (year-end = the March value)") }
    let (th, note) = thresholdsWithNote(for: s, yearLabel: yearEnd.financialYearLabel)
    if let note { notes.append(note) }
    if let th, th.redLevelIsDerived, let t = th.target, let m = th.significantMargin {
      notes.append(derivedRedLevelNote(target: t, margin: m))
    }
    return (th, notes)
  }

  /// The note said wherever ▲ comes from the default margin rather than a published level.
  static func derivedRedLevelNote(target: Double, margin: Double) -> String {
    "no intervention level published: ▲ means more than \(NumberText.plain((margin * 100 * 10).rounded() / 10))% worse than the target (catalogue significant_margin)"
  }

  /// The outlook of a year already over in the series' data: its actual outturn under the
  /// basis and that outturn's status; nil when the data do not complete the year.
  public static func actualOutlook(_ s: KPISeries, yearEnd: Period) -> YearEndOutlook? {
    let (basis, basisSource) = basis(of: s)
    guard let (value, description) = YearEndAggregation.observedOutturn(of: s, basis: basis, yearEnd: yearEnd) else { return nil }
    let agg = YearEndAggregation(yearEnd: yearEnd, mode: YearEndAggregation.mode(of: s, basis: basis), steps: [], observedSum: value,
                                 periodCount: 0, description: description, warnings: [])
    let (th, said) = thresholdsAndNotes(for: s, yearEnd: yearEnd, basisSource: basisSource)
    let warnings = ["\(yearEnd.financialYearLabel) is complete in the data: the actual outturn is shown, not a forecast"] + said
    var o = YearEndOutlook(key: s.key, unit: s.unit, basis: basis, basisSource: basisSource, aggregation: agg,
                           distribution: .sample(sorted: [value]), thresholds: th, model: "actual", reason: "", warnings: warnings)
    o.actual = value
    o.reason = ReasonDrafter.draftActual(outlook: o)
    return o
  }

  /// The outturn distribution: exact when one forecast step decides it, else read from the
  /// engine's joint paths of the steps up to the year-end (``SeriesForecast/samplePaths(steps:count:seed:)``).
  public static func distribution(_ f: SeriesForecast, aggregation agg: YearEndAggregation, options: YearEndOptions,
                                  streamIndex: Int) -> YearEndDistribution {
    if agg.steps.count == 1, let j = agg.steps.first {
      switch agg.mode {
      case .marchValue: return .affine(f.distributions[j], shift: 0, scale: 1)
      case .sum: return .affine(f.distributions[j], shift: agg.observedSum, scale: 1)
      case .mean:
        let n = Double(agg.periodCount)
        return .affine(f.distributions[j], shift: agg.observedSum / n, scale: 1 / n)
      }
    }
    return .sample(outturnDraws(f, aggregation: agg, options: options, streamIndex: streamIndex) { _, y in y })
  }

  /// Outturns of the year from the series' joint paths, each path's step values passed through
  /// `adjust(step, value)` first (a scenario's effects; the identity for the baseline).
  public static func outturnDraws(_ f: SeriesForecast, aggregation agg: YearEndAggregation, options: YearEndOptions, streamIndex: Int,
                                  adjust: (Int, Double) -> Double) -> [Double] {
    guard let last = agg.steps.max() else { return [] }
    let h = last + 1
    let paths = f.samplePaths(steps: h, count: options.draws, seed: options.pathSeed(streamIndex))
    guard paths.count == h * options.draws else { return [] }
    var out = [Double](repeating: 0, count: options.draws)
    var values = [Double](repeating: 0, count: agg.steps.count)
    for i in 0..<options.draws {
      for (k, j) in agg.steps.enumerated() { values[k] = adjust(j, paths[i * h + j]) }
      out[i] = agg.combine(values)
    }
    return out
  }

  /// Outlooks for many forecasts on all cores, in input order (each series has its own random
  /// stream, so the output does not depend on scheduling); comparators are the input's England
  /// series of each indicator.
  ///
  /// With `yearEnd` (`year-end --year`), every series reports that year: its actual outturn when
  /// the data complete the year, else the forecast (which must reach that March).
  public static func outlooks(_ forecasts: [SeriesForecast], options: YearEndOptions = YearEndOptions(),
                              yearEnd: Period? = nil) -> [YearEndOutlook] {
    var england = [String: KPISeries]()
    for f in forecasts where f.series.key.geography?.lowercased() == "england" { england[f.series.key.indicator] = f.series }
    let comparators = england
    let all: [YearEndOutlook?] = Array(forecasts.indices).parallelMap { i in
      let f = forecasts[i]
      let comps = comparators[f.series.key.indicator].flatMap { $0.key == f.series.key ? nil : [$0] } ?? []
      if let yearEnd, let actual = actualOutlook(f.series, yearEnd: yearEnd) { return actual }
      return outlook(f, yearEnd: yearEnd, options: options, streamIndex: i, comparators: comps)
    }
    return all.compactMap { $0 }
  }
}
