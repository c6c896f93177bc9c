import Foundation
import KPIData
import KPIForecast
import KPIPlanning
import KPIStats

/// Drafts the pack's "reason for level of performance" in plain English from what the engine
/// and the SPC chart said: the latest movement and whether the season explains it, whether the
/// chart shows a sign of real change, the comparator, and the year-end forecast with its chance
/// of meeting the target. A draft for the service to edit; it states numbers, never computes them
/// beyond reading two observations' difference.
public enum PackDrafter {
  public static func reason(series s: KPISeries, outlook o: YearEndOutlook, spc: SeriesSPC, comparator: PackComparator?) -> String {
    var parts = [String]()
    if let m = movementSentence(s) { parts.append(m) }
    if let c = spcSentence(spc) { parts.append(c) }
    if let comp = comparator, let last = s.values.last(where: \.isFinite) {
      parts.append("This is \(relation(last, comp.value, s.polarity)) \(comparatorPhrase(comp.name)) (\(Wording.value(comp.value, s.unit)), \(comp.when)).")
    }
    parts.append(outlookSentence(o))
    return parts.joined(separator: " ")
  }

  /// "In Q4 23/24 the value was 74.0%, up 1.0 point on Q3 23/24; the usual Q4 rise explains most of it."
  static func movementSentence(_ s: KPISeries) -> String? {
    let obs = s.values.indices.filter { s.values[$0].isFinite }
    guard let li = obs.last else { return nil }
    let lp = s.period(at: li), v = s.values[li]
    var text = "In \(Wording.period(lp, s.frequency)) the value was \(Wording.value(v, s.unit))"
    if obs.count >= 2 {
      let pi = obs[obs.count - 2]
      let d = v - s.values[pi]
      let mv = Wording.movement(d, s.unit)
      text += mv == "unchanged" ? ", unchanged from \(Wording.period(s.period(at: pi), s.frequency))" : ", \(mv) on \(Wording.period(s.period(at: pi), s.frequency))"
      if let season = seasonClause(s, last: li, previous: pi, delta: d) { text += "; " + season }
    }
    return text + "."
  }

  /// Whether the usual seasonal pattern (catalogue prior, or two complete years) explains the move.
  static func seasonClause(_ s: KPISeries, last: Int, previous: Int, delta d: Double) -> String? {
    guard d != 0, s.frequency == .quarterly, let (e, _) = ReasonDrafter.seasonalEffects(s), e.count == 4 else { return nil }
    let ql = s.period(at: last).financialQuarter - 1, qp = s.period(at: previous).financialQuarter - 1
    guard ql != qp else { return nil }
    let expected = e[ql] - e[qp]
    guard abs(expected) >= 0.5 * abs(d) else { return nil }
    let q = "Q\(ql + 1)"
    if expected * d > 0 { return "the usual \(q) \(d > 0 ? "rise" : "fall") (typically \(Wording.difference(expected, s.unit))) explains most of it" }
    return "this goes against the usual \(q) \(expected > 0 ? "rise" : "fall") of \(Wording.difference(expected, s.unit))"
  }

  static func stepWord(_ f: Frequency, plural: Bool) -> String {
    switch f {
    case .quarterly: plural ? "quarters" : "quarter"
    case .monthly: plural ? "months" : "month"
    case .annual: plural ? "years" : "year"
    }
  }

  /// What the SPC chart says about the latest point (or the latest signal), in plain words.
  static func spcSentence(_ c: SeriesSPC) -> String? {
    guard let last = c.chart.points.last, last.lpl.isFinite, last.upl.isFinite, c.chart.points.count >= 3 else { return nil }
    let s = c.series, u = s.unit
    let range = "\(Wording.value(shown(last.lpl, s), u)) to \(Wording.value(shown(last.upl, s), u))"
    let segment = c.chart.points.filter { $0.segment == last.segment }
    let provisional = segment.count < SeriesSPC.trialLimitPoints
      ? " (with only \(segment.count) \(stepWord(s.frequency, plural: true)) of data, this range is provisional)" : ""
    if last.type.isSpecialCause {
      let caution = segment.count < SeriesSPC.trialLimitPoints
        ? "; with only \(segment.count) \(stepWord(s.frequency, plural: true)) of data, this range is provisional" : ""
      return "This is a sign of real change\(kind(last.type)): \(describe(last, in: c))\(caution)."
    }
    if let signal = segment.last(where: { $0.type.isSpecialCause }) {
      let when = Wording.period(c.periods[signal.index], s.frequency)
      return "The latest value is within the usual range of \(range)\(provisional); the last sign of real change\(kind(signal.type)) was in \(when)."
    }
    return "There is no sign of real change: every value is within the usual range of \(range)\(provisional), so the movements are ordinary ups and downs."
  }

  /// A limit as a reader sees it: inside the KPI's natural bounds (a percent's lower limit of
  /// −2.5% reads 0.0%); the SPC command itself reports the limits unclipped, as the package does.
  public static func shown(_ v: Double, _ s: KPISeries) -> Double {
    var x = v
    if let lo = s.bounds.lower { x = max(x, lo) }
    if let hi = s.bounds.upper { x = min(x, hi) }
    return x
  }

  static func kind(_ t: SPCPointType) -> String {
    switch t {
    case .specialCauseImprovement: " for the better"
    case .specialCauseConcern: " for the worse"
    default: ""
    }
  }

  /// The rule that flagged a point, in words.
  static func describe(_ p: XmRPoint, in c: SeriesSPC) -> String {
    let u = c.series.unit, steps = stepWord(c.series.frequency, plural: true)
    if p.rules.contains(.outsideLimits) {
      return p.value > p.upl ? "the value is above the top of the usual range (\(Wording.value(shown(p.upl, c.series), u)))"
        : "the value is below the bottom of the usual range (\(Wording.value(shown(p.lpl, c.series), u)))"
    }
    if p.rules.contains(.runOfSeven) {
      return "7 or more \(steps) in a row have been \(p.value > p.mean ? "above" : "below") the average of \(Wording.value(p.mean, u))"
    }
    if p.rules.contains(.trendOfSeven) { return "it is part of 7 \(steps) in a row each moving the same way" }
    return "2 of the last 3 \(steps) were close to the edge of the usual range (\(Wording.value(shown(p.lpl, c.series), u)) to \(Wording.value(shown(p.upl, c.series), u)))"
  }

  /// "the England average", "the South West average", "the comparator group" ….
  static func comparatorPhrase(_ name: String) -> String {
    let n = name.lowercased()
    if n.contains("comparator") || n.contains("group") { return "the " + n }
    switch GeographyKind(name: name) {
    case .england, .region: return "the \(name) average"
    case .neighbours: return "the statistical neighbours' average"
    case .goodOutstanding: return "the Good/Outstanding authorities' average"
    case .authority: return name
    }
  }

  static func relation(_ v: Double, _ c: Double, _ p: Polarity?) -> String {
    if v == c { return "level with" }
    switch p {
    case .bigger?: return v > c ? "better than" : "worse than"
    case .smaller?: return v < c ? "better than" : "worse than"
    default: return v > c ? "above" : "below"
    }
  }

  /// The year-end forecast, its 80% range and the chances against target and intervention level.
  static func outlookSentence(_ o: YearEndOutlook) -> String {
    let u = o.unit
    let (lo, hi) = o.interval(level: 80)
    let what: String
    switch o.aggregation.mode {
    case .marchValue: what = "The forecast for March \(o.yearEnd.year) (the \(o.yearEnd.financialYearLabel) year-end)"
    case .sum: what = "The forecast total for \(o.yearEnd.financialYearLabel)"
    case .mean: what = "The forecast average for \(o.yearEnd.financialYearLabel)"
    }
    var text = lo == hi ? "\(what) is \(Wording.value(o.point, u))." :
      "\(what) is \(Wording.value(o.point, u)), with an 80% chance of lying between \(Wording.value(lo, u)) and \(Wording.value(hi, u))."
    if let t = o.thresholds?.target, let pm = o.probabilityOfMeetingTarget {
      let chance = Wording.chance(pm)
      text += " There is \(chance) of meeting the \(Wording.value(t, u)) target"
      if let l = o.thresholds?.interventionLevel, let pw = o.probabilityWorseThanIntervention {
        text += " and \(Wording.chance(pw)) of ending worse than the \(Wording.value(l, u)) intervention level"
      }
      text += "."
    } else if o.thresholds?.target == nil {
      text += " No target is set for \(o.yearEnd.financialYearLabel)."
    }
    return text
  }
}
