import Foundation
import KPIData
import KPIForecast

/// Drafts the scorecard's "reason for level of performance" from the numbers: the latest
/// movement, whether the seasonal pattern explains it, the comparator position, and the
/// year-end outlook. A draft for the analyst to edit, never a finished judgement.
public enum ReasonDrafter {
  static let quarterNames = ["Q1 (Apr–Jun)", "Q2 (Jul–Sep)", "Q3 (Oct–Dec)", "Q4 (Jan–Mar)"]
  static let monthNames = ["April", "May", "June", "July", "August", "September", "October", "November", "December",
                           "January", "February", "March"]

  public static func draft(outlook o: YearEndOutlook, series s: KPISeries, comparators: [KPISeries]) -> String {
    var parts = [String]()
    let obs = s.values.enumerated().filter { !$0.element.isNaN }
    if let last = obs.last {
      let p = s.period(at: last.offset)
      var text = "Latest value \(fmt(last.element, s.unit)) (\(periodName(p, s.frequency)))"
      if obs.count >= 2 {
        let prev = obs[obs.count - 2]
        let delta = last.element - prev.element
        let movement = delta == 0 ? "unchanged on" : "\(delta > 0 ? "up" : "down") \(fmtDelta(abs(delta), s.unit)) on"
        text += ", \(movement) \(periodName(s.period(at: prev.offset), s.frequency))"
        if let explained = seasonalExplanation(s, lastIndex: last.offset, prevIndex: prev.offset, delta: delta) {
          text += "; " + explained
        }
      }
      if let c = comparatorSentence(s, value: last.element, at: p, comparators: comparators, polarity: o.thresholds?.polarity ?? s.polarity) {
        text += ". " + c
      }
      parts.append(text + ".")
    }
    let (lo, hi) = o.interval(level: 80)
    var outlook = "Forecast \(o.yearEnd.financialYearLabel) year-end (\(o.aggregation.mode == .marchValue ? "March value" : o.aggregation.mode == .sum ? "year-to-date total" : "year-to-date average")): \(fmt(o.point, s.unit)) (80% range \(fmt(lo, s.unit)) to \(fmt(hi, s.unit)))"
    if let t = o.thresholds?.target, let pm = o.probabilityOfMeetingTarget {
      outlook += ", \(article(pct(pm))) \(pct(pm)) chance of meeting the \(fmt(t, s.unit)) target"
      if let pw = o.probabilityWorseThanIntervention, let l = o.thresholds?.interventionLevel {
        outlook += " and \(pct(pw)) of passing the \(fmt(l, s.unit)) intervention level"
      }
    }
    parts.append(outlook + ".")
    return parts.joined(separator: " ")
  }

  /// The reason for a year already over: the actual outturn against its target.
  public static func draftActual(outlook o: YearEndOutlook) -> String {
    var text = "Actual \(o.yearEnd.financialYearLabel) outturn \(fmt(o.point, o.unit))"
    if let t = o.thresholds?.target {
      let gap = o.point - t
      if gap == 0 { text += ", exactly on the \(fmt(t, o.unit)) target" } else {
        let better = o.thresholds?.isBetter(o.point, than: t) ?? false
        text += ", \(fmtDelta(abs(gap), o.unit)) \(better ? "better" : "worse") than the \(fmt(t, o.unit)) target"
      }
    }
    return text + "."
  }

  /// Seasonal effects per season (financial order) on the data scale: the catalogue prior's, else
  /// estimated from at least two complete financial years as the mean deviation of each season
  /// from its year's mean. Nil when neither is available.
  public static func seasonalEffects(_ s: KPISeries) -> (effects: [Double], source: String)? {
    let m = s.frequency.seasonalPeriod
    guard m > 1 else { return nil }
    if let prior = s.entry?.seasonalPrior, prior.scale != "model" {
      var e = prior.effects
      if e.count == 4 && m == 12 { e = e.flatMap { [$0, $0, $0] } }
      if e.count == m { return (e, prior.evidence.map(shortEvidence) ?? "catalogue seasonal prior") }
    }
    var byYear = [Int: [(Int, Double)]]()
    for (i, v) in s.values.enumerated() where !v.isNaN {
      let p = s.period(at: i)
      byYear[p.financialYearEnd, default: []].append((p.financialMonthIndex / s.frequency.monthsPerStep, v))
    }
    var sums = [Double](repeating: 0, count: m), counts = [Int](repeating: 0, count: m)
    var years = 0
    for (_, vals) in byYear where vals.count == m {
      years += 1
      let mean = vals.reduce(0) { $0 + $1.1 } / Double(m)
      for (season, v) in vals { sums[season] += v - mean; counts[season] += 1 }
    }
    guard years >= 2 else { return nil }
    return (zip(sums, counts).map { $0 / Double($1) }, "the last \(years) complete years")
  }

  static func seasonalExplanation(_ s: KPISeries, lastIndex: Int, prevIndex: Int, delta: Double) -> String? {
    guard delta != 0, let (e, source) = seasonalEffects(s) else { return nil }
    let m = e.count, step = s.frequency.monthsPerStep
    let sl = s.period(at: lastIndex).financialMonthIndex / step, sp = s.period(at: prevIndex).financialMonthIndex / step
    guard sl < m, sp < m, sl != sp else { return nil }
    let expected = e[sl] - e[sp]
    let name = s.frequency == .quarterly ? quarterNames[sl] : monthNames[sl]
    if expected * delta > 0 && abs(expected) >= 0.5 * abs(delta) {
      return "in line with the usual \(name) \(delta > 0 ? "rise" : "fall") (typically \(fmtDelta(abs(expected), s.unit)); \(source))"
    }
    if expected * delta < 0 && abs(expected) >= 0.5 * abs(delta) {
      return "against the usual \(name) \(expected > 0 ? "rise" : "fall") of \(fmtDelta(abs(expected), s.unit)) (\(source)), so a real change"
    }
    return nil
  }

  static func comparatorSentence(_ s: KPISeries, value: Double, at p: Period, comparators: [KPISeries], polarity: Polarity?) -> String? {
    var candidates = [(name: String, value: Double, when: String)]()
    for c in comparators {
      let idx = (p.monthIndex - c.start.monthIndex) / c.frequency.monthsPerStep
      if idx >= 0, idx < c.values.count, !c.values[idx].isNaN { candidates.append((c.key.geography ?? "comparator", c.values[idx], p.description)) }
    }
    for (name, byYear) in (s.entry?.comparators ?? [:]).sorted(by: { $0.key < $1.key }) {
      let best = byYear.compactMap { k, v -> (Period, String, Double)? in
        guard let pp = Period.parse(k)?.period, pp <= p.nextMarch else { return nil }
        return (pp, k, v)
      }.max { $0.0 < $1.0 }
      if let (_, k, v) = best { candidates.append((name.replacingOccurrences(of: "_", with: " "), v, k)) }
    }
    guard !candidates.isEmpty else { return nil }
    return candidates.prefix(3).map { c in
      let rel: String
      switch polarity {
      case .bigger?: rel = value > c.value ? "better than" : value < c.value ? "worse than" : "level with"
      case .smaller?: rel = value < c.value ? "better than" : value > c.value ? "worse than" : "level with"
      default: rel = value > c.value ? "above" : value < c.value ? "below" : "level with"
      }
      return "\(rel.prefix(1).uppercased() + rel.dropFirst()) \(c.name) (\(fmt(c.value, s.unit)), \(c.when))"
    }.joined(separator: "; ")
  }

  static func periodName(_ p: Period, _ f: Frequency) -> String {
    switch f {
    case .quarterly: return "Q\(p.financialQuarter) \(p.financialYearLabel)"
    case .monthly: return "\(monthNames[p.financialMonthIndex].prefix(3)) \(p.year)"
    case .annual: return p.financialYearLabel
    }
  }

  /// A value in its unit (``NumberFormat/value(_:unit:)``).
  static func fmt(_ x: Double, _ u: KPIUnit) -> String { NumberFormat.value(x, unit: u) }

  /// A difference in its unit (points for percents).
  static func fmtDelta(_ x: Double, _ u: KPIUnit) -> String { NumberFormat.delta(x, unit: u) }

  /// The evidence quoted in a sentence: at most about 120 characters, cut at a word.
  static func shortEvidence(_ s: String) -> String {
    guard s.count > 120 else { return s }
    var t = String(s.prefix(120))
    if let sp = t.lastIndex(of: " ") { t = String(t[..<sp]) }
    return t.trimmingCharacters(in: CharacterSet(charactersIn: " .,;:")) + " …"
  }

  static func pct(_ p: Double) -> String { NumberFormat.probability(p) }

  /// "an" before 8, 11, 18 and 80–89 (said "eight…", "eleven", "eighteen"), else "a": "an 8% chance".
  static func article(_ number: String) -> String {
    let digits = number.prefix { $0.isNumber }
    return digits.hasPrefix("8") || digits == "11" || digits == "18" ? "an" : "a"
  }
}
