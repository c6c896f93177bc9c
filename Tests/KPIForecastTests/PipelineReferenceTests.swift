import Foundation
import KPITestSupport
import Testing
import KPIData
import KPIStats
@testable import KPIForecast

/// The whole forecast pipeline (`Forecaster.forecast`: unit → transform → regression → Student-t
/// interval → back-transform) against R's back-transformed `predict.lm` bounds for the fixed series
/// of `notebooks-data/reference/regression_reference.R`, to 1e-6 relative. Percent series take the
/// logit (with the ε rule), counts the log, numbers no transform — chosen by `--transform auto`.
@Suite struct PipelineReferenceTests {
  static let caseIDs = ["pct_logit", "count_log", "number_gap", "level_shift", "monthly", "collinear_shift",
                        "unseen_season", "short_prior", "short_noprior"]

  static func series(_ c: RegressionCase) throws -> (KPISeries, ForecastOptions) {
    let unit = try #require(KPIUnit(rawValue: c.unit))
    let freq: Frequency = c.frequency == "monthly" ? .monthly : .quarterly
    let firstPeriod = try #require(c.periods.first)
    let start = try #require(Period.parse(firstPeriod)?.period)
    var entry: CatalogueEntry?
    if !c.prior.isEmpty {
      var e = CatalogueEntry(id: c.id, title: c.id, unit: unit)
      e.seasonalPrior = SeasonalPriorSpec(effects: c.prior, scale: "model", weight: c.priorWeight ?? 1)
      entry = e
    }
    let s = KPISeries(key: SeriesKey(indicator: c.id), frequency: freq, start: start, values: c.values, unit: unit,
                      unitSource: entry == nil ? "input" : "catalogue", entry: entry)
    let shifts = try c.shifts.map { k in try #require(Period.parse(c.periods[k])?.period) }
    return (s, ForecastOptions(model: .regression, transform: .auto, horizon: .steps(c.horizon), levelShifts: shifts))
  }

  @Test(arguments: caseIDs)
  func backTransformedBoundsMatchR(id: String) throws {
    let all = try RegressionCase.loadAll()
    let c = try #require(all.first { $0.id == id })
    let (s, options) = try Self.series(c)
    let f = try Forecaster.forecast(s, options: options)
    #expect(f.transform.name == (c.transform == "logit" ? "logit" : c.transform))
    #expect(f.model.hasPrefix("regression("))
    try #require(f.distributions.count == c.horizon)
    #expect(f.periods.first == s.period(at: s.values.count))
    let data = try #require(c.forecasts["data"])
    var worst = 0.0
    for h in 0..<c.horizon {
      let d = f.distributions[h]
      let got: [String: Double] = [
        "mean": d.point, "lo80": d.interval(level: 80).lower, "hi80": d.interval(level: 80).upper,
        "lo95": d.interval(level: 95).lower, "hi95": d.interval(level: 95).upper,
      ]
      for (name, v) in got {
        let r = try #require(data[name]?[h])
        #expect(close(v, r, relative: 1e-6), "\(id) \(name) h=\(h + 1): \(v) vs R \(r)")
        worst = max(worst, relativeDeviation(v, r))
      }
    }
    print("pipeline reference \(id): max back-transformed deviation \(worst)")
  }

  /// From a tidy CSV file through `ObservationReader`, a catalogue (unit, frequency, level shifts as
  /// period text, seasonal prior) and `SeriesBuilder` to `Forecaster.forecast`: the same R bounds.
  @Test func fromTidyFileAndCatalogueMatchesR() throws {
    let cases = try RegressionCase.loadAll()
    var text = "indicator,period,value\n"
    var entries = [CatalogueEntry]()
    for c in cases {
      for (p, v) in zip(c.periods, c.values) { text += "\(c.id),\(p),\(v.isNaN ? "NA" : "\(v)")\n" }
      var e = CatalogueEntry(id: c.id, title: c.id, unit: try #require(KPIUnit(rawValue: c.unit)))
      e.frequency = c.frequency == "monthly" ? .monthly : .quarterly
      if !c.shifts.isEmpty { e.levelShifts = c.shifts.map { c.periods[$0] } }
      if !c.prior.isEmpty { e.seasonalPrior = SeasonalPriorSpec(effects: c.prior, scale: "model", weight: c.priorWeight ?? 1) }
      entries.append(e)
    }
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kpi-pipeline-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("obs.csv")
    try text.write(to: file, atomically: true, encoding: .utf8)
    let built = try SeriesBuilder.build(ObservationReader.read(path: file.path), catalogue: Catalogue(entries: entries))
    #expect(built.count == cases.count)
    var worst = 0.0
    for c in cases {
      let s = try #require(built.first { $0.key.indicator == c.id })
      #expect(s.unitSource == "catalogue")
      let f = try Forecaster.forecast(s, options: ForecastOptions(model: .regression, transform: .auto, horizon: .steps(c.horizon)))
      let data = try #require(c.forecasts["data"])
      try #require(f.distributions.count == c.horizon)
      for h in 0..<c.horizon {
        let d = f.distributions[h]
        let pairs: [(Double, Double?)] = [
          (d.point, data["mean"]?[h]), (d.interval(level: 80).lower, data["lo80"]?[h]), (d.interval(level: 80).upper, data["hi80"]?[h]),
          (d.interval(level: 95).lower, data["lo95"]?[h]), (d.interval(level: 95).upper, data["hi95"]?[h]),
        ]
        for (v, r) in pairs {
          let r = try #require(r)
          #expect(close(v, r, relative: 1e-6), "\(c.id) h=\(h + 1): \(v) vs R \(r)")
          worst = max(worst, relativeDeviation(v, r))
        }
      }
    }
    print("pipeline (file + catalogue) reference: max deviation \(worst)")
  }
}
