import Foundation
import KPIData
import KPIForecast
import KPIPlanning
import KPIRecord

/// The engine behind the page: forecasts the input once at start (as `year-end`, `targets`,
/// `scenarios` and `demand` do, same options and seeds), then answers KPI, scenario and demand
/// questions from those forecasts. Every number comes from KPIPlanning; this type only selects
/// and packages.
public final class WorkshopEngine: Sendable {
  let settings: WorkshopSettings
  let forecasts: [SeriesForecast]
  let items: [WorkshopItem]
  let byIndicator: [String: Int]
  /// Fingerprint of the input and catalogue files (``DataFingerprint``).
  public let fingerprint: String
  /// Notes from the engine (series left out, proposals not made).
  public let notes: [String]

  /// Reads the input and forecasts every KPI; throws the input errors the commands throw.
  public init(settings: WorkshopSettings) throws {
    self.settings = settings
    let set = try ObservationReader.read(path: settings.input)
    let series = try SeriesBuilder.build(set, catalogue: settings.catalogue)
    var sections = [String: [String: Int]]()
    for o in set.observations where o.geography == nil { if let sec = o.extra["section"] { sections[o.indicator, default: [:]][sec, default: 0] += 1 } }
    let forecasts = Forecaster.forecastAll(series, options: ForecastOptions(model: settings.model, horizon: .toYearEnd))
    self.forecasts = forecasts
    fingerprint = DataFingerprint.of(files: settings.fingerprintFiles)
    let outlooks = YearEndCalculator.outlooks(forecasts, options: settings.yearEnd)
    var notes = [String]()
    let (proposals, pnotes) = (try? TargetPlanner.proposals(forecasts, year: nil, options: TargetOptions(), yearEndOptions: settings.yearEnd))
      ?? ([], [])
    notes += pnotes.map { n in n.key.map { "\($0): \(n.message)" } ?? n.message }
    var proposalByKey = [SeriesKey: TargetProposal]()
    for p in proposals { proposalByKey[p.key] = p }
    var indexByKey = [SeriesKey: Int]()
    for (i, f) in forecasts.enumerated() where indexByKey[f.series.key] == nil { indexByKey[f.series.key] = i }
    var items = [WorkshopItem](), byIndicator = [String: Int]()
    for o in outlooks where !GeographyKind(name: o.key.geography).isAggregate {
      guard let index = indexByKey[o.key] else { continue }
      guard byIndicator[o.key.indicator] == nil else {
        notes.append("\(o.key): a second authority for \(o.key.indicator); the page shows the first only"); continue
      }
      let s = forecasts[index].series
      let title = s.entry?.title ?? o.key.indicator
      let area = ServiceArea.name(title: title, sections: sections[o.key.indicator] ?? [:], indicator: o.key.indicator)
      let marks = Self.comparators(of: s, forecasts: forecasts)
      let demand = o.key.indicator.lowercased().contains("permanent-exclusion") && s.unit == .count
      byIndicator[o.key.indicator] = items.count
      items.append(WorkshopItem(index: index, outlook: o, proposal: proposalByKey[o.key], title: Self.shortTitle(title), area: area,
                                comparators: marks, drivesDemand: demand))
    }
    self.items = items
    self.byIndicator = byIndicator
    self.notes = notes
  }

  /// The title without its area prefix.
  static func shortTitle(_ title: String) -> String {
    guard let i = title.firstIndex(of: ":"), title.distance(from: title.startIndex, to: i) <= 40 else { return title }
    let rest = title[title.index(after: i)...].trimmingCharacters(in: .whitespaces)
    return rest.isEmpty ? title : rest
  }

  /// Latest catalogue comparator values and the last value of each aggregate geography in the input.
  static func comparators(of s: KPISeries, forecasts: [SeriesForecast]) -> [ComparatorMark] {
    var marks = [ComparatorMark]()
    for (name, table) in (s.entry?.comparators ?? [:]).sorted(by: { $0.key < $1.key }) {
      let latest = table.compactMap { k, v -> (Period, String, Double)? in
        guard let p = Period.parse(k)?.period, v.isFinite else { return nil }
        return (p, k, v)
      }.max { $0.0 < $1.0 }
      if let l = latest { marks.append(ComparatorMark(name: name, year: l.1, value: l.2)) }
    }
    for f in forecasts where f.series.key.indicator == s.key.indicator && GeographyKind(name: f.series.key.geography).isAggregate {
      let g = f.series
      if let i = g.values.lastIndex(where: { !$0.isNaN }) {
        marks.append(ComparatorMark(name: g.key.geography ?? "comparator", year: g.period(at: i).description, value: g.values[i]))
      }
    }
    return marks
  }

  /// Every KPI's row, grouped by service area (areas and KPIs in input order).
  public func rows() -> [KPIRow] {
    var order = [String]()
    for i in items where !order.contains(i.area) { order.append(i.area) }
    return order.flatMap { a in items.filter { $0.area == a }.map(row) }
  }

  /// The item of an indicator, or a 400 naming `field`.
  func item(_ indicator: String, field: String = "indicator") throws -> WorkshopItem {
    guard let k = byIndicator[indicator] else { throw APIError.bad(field, "unknown indicator '\(indicator.prefix(100))'") }
    return items[k]
  }

  func row(_ i: WorkshopItem) -> KPIRow {
    row(i, distribution: i.outlook.distribution, thresholds: i.outlook.thresholds)
  }

  func row(_ i: WorkshopItem, distribution d: YearEndDistribution, thresholds th: Thresholds?) -> KPIRow {
    let o = i.outlook
    let b80 = d.interval(level: 80), b95 = d.interval(level: 95)
    return KPIRow(indicator: o.key.indicator, title: i.title, area: i.area, unit: o.unit.rawValue,
                  polarity: forecasts[i.index].series.polarity?.rawValue, year: o.yearEnd.financialYearLabel, basis: o.basis.rawValue,
                  forecast: finite(d.point), lo80: finite(b80.lower), hi80: finite(b80.upper), lo95: finite(b95.lower), hi95: finite(b95.upper),
                  target: finite(th?.target), interventionLevel: finite(th?.interventionLevel),
                  pMeetTarget: finite(th?.probabilityOfMeeting(cdf: d.cdf)),
                  pWorseThanIntervention: finite(th?.probabilityWorseThanIntervention(cdf: d.cdf)),
                  status: th?.status(of: d.point)?.rawValue, model: o.model)
  }

  /// The page's data for one KPI.
  public func detail(_ indicator: String) throws -> KPIDetail {
    let i = try item(indicator)
    let f = forecasts[i.index]
    let s = f.series
    var history = [FanPoint]()
    for (k, v) in s.values.enumerated() where !v.isNaN { history.append(FanPoint(period: s.period(at: k).description, value: v)) }
    let fan = ScenarioFan.points(f, effects: [], shift: 0, aggregation: i.outlook.aggregation)
    let proposal = i.proposal.map {
      ProposalInfo(year: $0.year, target: finite($0.proposedTarget), interventionLevel: finite($0.proposedInterventionLevel),
                   pMeetTarget: finite($0.probabilityOfMeetingTarget), pWorseThanIntervention: finite($0.probabilityWorseThanIntervention),
                   rationale: $0.rationale)
    }
    let presets = settings.scenarios.compactMap { sc -> ScenarioPreset? in
      let effects = sc.effects.filter { $0.indicator == indicator }
      let conv = sc.convergence.filter { $0.indicator == indicator }
      guard !effects.isEmpty || !conv.isEmpty else { return nil }
      let spec = ScenarioSpec(name: sc.name,
                              effects: effects.map { ScenarioSpec.Effect(change: $0.change, relative: $0.relative, from: $0.from.description, ramp: $0.ramp) },
                              convergence: conv.map { ScenarioSpec.Convergence(comparator: $0.comparator, value: $0.value, share: $0.share) })
      return ScenarioPreset(name: sc.name, description: sc.description, scenario: spec)
    }
    let demand = i.drivesDemand ? demandBands(i, scenario: nil) : nil
    return KPIDetail(row: row(i), definition: s.entry?.definition, history: history, fan: fan,
                     aggregation: i.outlook.aggregation.description, aggregated: i.outlook.aggregation.mode != .marchValue,
                     comparators: i.comparators, proposal: proposal, demand: demand, periods: f.periods.map(\.description),
                     presets: presets, reason: i.outlook.reason, notes: i.outlook.warnings)
  }

  /// The KPI under a scenario, beside its baseline, from ``ScenarioRunner`` on the same paths
  /// (common random numbers) as the year-end figures.
  public func scenario(_ request: ScenarioRequest) throws -> (reply: ScenarioReply, vintage: ForecastVintage) {
    let i = try item(request.indicator)
    let spec = request.scenarioSpec
    let sc = try ScenarioValidation.scenario(spec, indicator: request.indicator)
    let f = forecasts[i.index]
    let th = i.outlook.thresholds
    var dist = i.outlook.distribution
    var applied = "no change"
    var notes = [String]()
    var convergenceShift = 0.0
    if !sc.isBaseline {
      // With convergence, an effects-only run beside it tells the convergence's own move of the outturn.
      let effectsOnly = Scenario(name: sc.name + " (effects only)", effects: sc.effects)
      let list = sc.convergence.isEmpty ? [sc] : [sc, effectsOnly]
      let (results, runNotes) = ScenarioRunner.run(forecasts, scenarios: list, options: settings.yearEnd)
      notes = runNotes
      guard let r = results.first(where: { $0.key == i.outlook.key && $0.scenario == sc.name }) else {
        throw APIError(.unprocessableContent, "the engine gave no result for this scenario", field: "indicator")
      }
      dist = r.distribution
      applied = r.applied
      if !sc.convergence.isEmpty {
        let base = results.first(where: { $0.key == i.outlook.key && $0.scenario == effectsOnly.name })?.point ?? r.baselinePoint
        convergenceShift = r.point - base
      }
    }
    let effects = sc.effects
    // Convergence moves the outturn; on a March-value KPI the fan carries it, reaching it at March.
    let fan = ScenarioFan.points(f, effects: effects, shift: i.outlook.aggregation.mode == .marchValue ? convergenceShift : 0,
                                 aggregation: i.outlook.aggregation)
    let pol = f.series.polarity ?? .bigger
    func odds(_ t: Double, _ l: Double?) -> CandidateOdds {
      let cth = Thresholds(target: t, interventionLevel: l, polarity: pol)
      return CandidateOdds(target: t, interventionLevel: l, pMeetTarget: finite(cth.probabilityOfMeeting(cdf: dist.cdf)),
                           pWorseThanIntervention: finite(cth.probabilityWorseThanIntervention(cdf: dist.cdf)),
                           baselinePMeetTarget: finite(cth.probabilityOfMeeting(cdf: i.outlook.distribution.cdf)))
    }
    if let t = request.target, !t.isFinite { throw APIError.bad("target", "must be a number") }
    if let l = request.interventionLevel, !l.isFinite { throw APIError.bad("intervention_level", "must be a number") }
    let candidate = request.target.map { odds($0, request.interventionLevel) }
    let proposal = i.proposal.flatMap { p in p.proposedTarget.isFinite && p.year == i.outlook.yearEnd.financialYearLabel ? odds(p.proposedTarget, p.proposedInterventionLevel) : nil }
    let demand = i.drivesDemand ? demandBands(i, scenario: sc.effects.isEmpty ? nil : sc) : nil
    let reply = ScenarioReply(row: row(i, distribution: dist, thresholds: th), baseline: row(i), fan: fan, applied: applied,
                              candidate: candidate, proposal: proposal, demand: demand, notes: notes)
    return (reply, vintage(reply.row, scenario: spec))
  }

  /// AP places and cost for the baseline and (when given) the scenario, from ``APDemandRunner``
  /// with `kpi-forecast demand`'s default assumptions and seed.
  func demandBands(_ i: WorkshopItem, scenario: Scenario?) -> [DemandBand]? {
    guard let (inputs, _) = try? ExclusionInput.build(from: forecasts, indicators: [i.outlook.key.indicator], populations: [],
                                                      geography: i.outlook.key.geography, file: settings.input) else { return nil }
    let list = scenario.map { [Scenario(name: "baseline"), Scenario(name: "scenario", effects: $0.effects)] } ?? [Scenario(name: "baseline")]
    let (results, _) = APDemandRunner.run(inputs: inputs, years: 1, scenarios: list, parameters: APDemandParameters(),
                                          draws: settings.demandDraws, seed: settings.yearEnd.seed)
    return results.map { DemandBand(scenario: $0.scenario, year: $0.year, places: $0.places, cost: $0.cost) }
  }

  /// The vintage record of a row as shown.
  func vintage(_ r: KPIRow, scenario: ScenarioSpec) -> ForecastVintage {
    let i = items[byIndicator[r.indicator] ?? 0]
    return ForecastVintage(indicator: r.indicator, year: r.year, yearEnd: i.outlook.yearEnd.description, basis: r.basis,
                           forecast: r.forecast ?? .nan, lo80: r.lo80 ?? .nan, hi80: r.hi80 ?? .nan, lo95: r.lo95 ?? .nan, hi95: r.hi95 ?? .nan,
                           target: r.target, interventionLevel: r.interventionLevel, pMeetTarget: r.pMeetTarget, model: r.model,
                           scenario: scenario.canonicalText, dataFingerprint: fingerprint, shownAt: Timestamp.now())
  }

  /// Baseline vintages of every KPI with a forecast (what the list shows).
  public func baselineVintages() -> [ForecastVintage] {
    rows().filter { $0.forecast != nil && $0.lo95 != nil && $0.hi95 != nil }.map { vintage($0, scenario: ScenarioSpec()) }
  }

  /// Validates a decision and turns it into a record (400 naming the field when it cannot be).
  public func decision(_ r: DecisionRequest) throws -> Decision {
    let i = try item(r.indicator)
    return try DecisionValidation.decision(r, series: forecasts[i.index].series, defaultYear: i.proposal?.year ?? i.outlook.yearEnd.financialYearLabel)
  }
}
