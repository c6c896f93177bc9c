import Foundation
import KPIData
import KPIForecast

/// How a series' periods add up to its year-end outturn under its reporting basis (DESIGN §2).
///
/// Snapshot, Latest Quarter, Rolling Year, Annual and Forecast bases: the value of the March
/// period (a rolling-year figure reported at March already covers the 12 months to March).
/// Year to Date: the series holds each period's own amount (the scorecards' quarterly figures), and
/// the outturn is the sum over the financial year's periods for counts and plain numbers, or
/// their equally weighted mean for percents, rates and days. Annual series: the March value.
public struct YearEndAggregation: Sendable, Equatable {
  public enum Mode: String, Sendable, Equatable { case marchValue = "March value", sum, mean }

  /// The March that ends the year.
  public var yearEnd: Period
  public var mode: Mode
  /// Forecast step indices (0-based, into the forecast) that fall in the year.
  public var steps: [Int]
  /// Sum of the observed values of the year's periods (year-to-date only).
  public var observedSum: Double
  /// Periods counted in the mean (observed + forecast).
  public var periodCount: Int
  /// Plain-English description for output, e.g. `sum of Q1–Q3 observed (6,393) and Q4 forecast`.
  public var description: String
  public var warnings: [String]

  /// The outturn from one path's values at `steps` (in the same order).
  public func combine(_ stepValues: [Double]) -> Double {
    switch mode {
    case .marchValue: return stepValues.last ?? .nan
    case .sum: return observedSum + stepValues.reduce(0, +)
    case .mean: return (observedSum + stepValues.reduce(0, +)) / Double(max(periodCount, 1))
    }
  }

  /// How a series' year adds up under its basis: the March value, or for a year-to-date basis
  /// the sum (counts, plain numbers) or the equally weighted mean (percents, rates, days).
  public static func mode(of s: KPISeries, basis: ReportingBasis) -> Mode {
    guard basis == .yearToDate && s.frequency != .annual else { return .marchValue }
    return (s.unit == .count || s.unit == .number) ? .sum : .mean
  }

  /// Plans the aggregation for the year ending `yearEnd` (default: the last forecast period's
  /// financial year). Returns nil when the forecast does not reach that March.
  public static func plan(for f: SeriesForecast, basis: ReportingBasis, yearEnd requested: Period? = nil) -> YearEndAggregation? {
    guard let lastPeriod = f.periods.last else { return nil }
    let yearEnd = requested ?? Period(year: lastPeriod.financialYearEnd, month: 3)
    guard let marchStep = f.periods.firstIndex(of: yearEnd), marchStep < f.distributions.count else { return nil }
    let s = f.series
    let mode = Self.mode(of: s, basis: basis)
    if mode == .marchValue {
      return YearEndAggregation(yearEnd: yearEnd, mode: .marchValue, steps: [marchStep], observedSum: 0, periodCount: 1,
                                description: "forecast value at \(yearEnd)", warnings: [])
    }
    let step = s.frequency.monthsPerStep
    let first = Period(year: yearEnd.year - 1, month: 3 + step)   // the year's first period end
    var steps = [Int](), observed = 0.0, nObs = 0, missing = [String]()
    var p = first
    while p <= yearEnd {
      if let j = f.periods.firstIndex(of: p), j < f.distributions.count {
        steps.append(j)
      } else {
        let idx = (p.monthIndex - s.start.monthIndex) / step
        if idx >= 0, idx < s.values.count, !s.values[idx].isNaN, (p.monthIndex - s.start.monthIndex) % step == 0 {
          observed += s.values[idx]; nObs += 1
        } else {
          missing.append(p.description)
        }
      }
      p = p.advanced(by: step)
    }
    let label = s.frequency == .quarterly ? "quarters" : "months"
    var desc = "\(mode == .sum ? "sum" : "mean") of the \(yearEnd.financialYearLabel) \(label): \(nObs) observed"
    if nObs > 0 { desc += " (\(mode == .sum ? "total" : "sum") \(trim(observed)))" }
    desc += " + \(steps.count) forecast"
    var warnings = [String]()
    if !missing.isEmpty {
      warnings.append("year-to-date \(yearEnd.financialYearLabel): no value for \(missing.joined(separator: ", ")); the outturn leaves \(missing.count == 1 ? "it" : "them") out")
    }
    if mode == .mean {
      warnings.append("year-to-date \(s.unit.rawValue) taken as the equally weighted mean of the periods (no denominators given)")
    }
    return YearEndAggregation(yearEnd: yearEnd, mode: mode, steps: steps, observedSum: observed, periodCount: nObs + steps.count,
                              description: desc, warnings: warnings)
  }

  /// The outturn of a year already over in the data: the observed March value, or for a
  /// year-to-date basis the sum (counts, numbers) or mean of every period of the year, all
  /// observed. Nil when a period the outturn needs is missing or not yet reported.
  public static func observedOutturn(of s: KPISeries, basis: ReportingBasis, yearEnd: Period) -> (value: Double, description: String)? {
    let step = s.frequency.monthsPerStep
    func value(at p: Period) -> Double? {
      let offset = p.monthIndex - s.start.monthIndex
      guard offset >= 0, offset % step == 0, offset / step < s.values.count else { return nil }
      let v = s.values[offset / step]
      return v.isNaN ? nil : v
    }
    let mode = Self.mode(of: s, basis: basis)
    guard mode != .marchValue else {
      return value(at: yearEnd).map { ($0, "actual value at \(yearEnd)") }
    }
    var total = 0.0, count = 0
    var p = Period(year: yearEnd.year - 1, month: 3 + step)
    while p <= yearEnd {
      guard let v = value(at: p) else { return nil }
      total += v; count += 1
      p = p.advanced(by: step)
    }
    let sum = mode == .sum
    let label = s.frequency == .quarterly ? "quarters" : "months"
    return sum ? (total, "actual: sum of the \(count) \(yearEnd.financialYearLabel) \(label)")
               : (total / Double(count), "actual: mean of the \(count) \(yearEnd.financialYearLabel) \(label)")
  }

  static func trim(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(format: "%.4g", x)
  }
}
