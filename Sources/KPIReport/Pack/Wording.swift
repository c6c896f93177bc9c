import Foundation
import KPIData

/// Plain-English pieces of the committee pack's text: quarters as "Q2 24/25", chances as
/// "an 8% chance", movements as "up 1.0 point", values in their unit.
public enum Wording {
  /// "Q2 24/25" for a quarter-end period (the financial quarter and short year).
  public static func quarter(_ p: Period) -> String {
    let e = p.financialYearEnd
    return "Q\(p.financialQuarter) \(two(e - 1))/\(two(e))"
  }

  /// "Q4 2023/24" (long form, for titles).
  public static func quarterLong(_ p: Period) -> String { "Quarter \(p.financialQuarter) \(p.financialYearLabel)" }

  /// The period as scorecards name it for a frequency: "Q2 24/25", "Sep 2024", "2023/24".
  public static func period(_ p: Period, _ f: Frequency) -> String {
    switch f {
    case .quarterly: return quarter(p)
    case .monthly: return "\(monthNames[p.month - 1]) \(p.year)"
    case .annual: return p.financialYearLabel
    }
  }

  static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

  static func two(_ y: Int) -> String { let s = ((y % 100) + 100) % 100; return s < 10 ? "0\(s)" : "\(s)" }

  /// A probability as a rounded percent: "8%", "<1%", ">99%".
  public static func percent(_ p: Double) -> String {
    let v = p * 100
    if v > 0 && v < 0.5 { return "<1%" }
    if v < 100 && v >= 99.5 { return ">99%" }
    return String(format: "%.0f%%", v.rounded())
  }

  /// "an 8% chance", "a 40% chance", "an 11% chance", "an 80% chance", "a less than 1% chance".
  public static func chance(_ p: Double) -> String {
    let s = percent(p)
    if s.hasPrefix("<") { return "a less than 1% chance" }
    if s.hasPrefix(">") { return "a more than 99% chance" }
    return "\(article(s)) \(s) chance"
  }

  /// "a" or "an" before a number written in digits (an 8, an 11, an 18, an 80, an 800; a 1, a 40).
  public static func article(_ number: String) -> String {
    let digits = number.prefix { $0.isNumber }
    guard let first = digits.first else { return "a" }
    if first == "8" { return "an" }
    if digits == "11" || digits == "18" { return "an" }
    return "a"
  }

  /// A value in its unit for prose and tables: 25.4%, 2,157, 138 days, 63.9.
  public static func value(_ x: Double, _ u: KPIUnit) -> String {
    guard x.isFinite else { return "–" }
    switch u {
    case .percent: return NumberFormat.human(x, decimals: decimals(x)) + "%"
    case .count: return NumberFormat.human(x, decimals: 0)
    case .days: return NumberFormat.human(x, decimals: 0) + " days"
    case .rate: return NumberFormat.human(x, decimals: decimals(x))
    case .number: return NumberFormat.human(x, decimals: abs(x) >= 100 ? 0 : (abs(x) >= 10 ? 1 : 2))
    }
  }

  /// A difference in the unit's words: "1.0 point", "2.5 points", "12", "3 days".
  public static func difference(_ d: Double, _ u: KPIUnit) -> String {
    let a = abs(d)
    switch u {
    case .percent:
      let s = NumberFormat.human(a, decimals: a >= 0.05 ? 1 : decimals(a))
      return s + (s == "1.0" || s == "1" ? " point" : " points")
    case .days:
      let s = NumberFormat.human(a, decimals: 0)
      return s + (s == "1" ? " day" : " days")
    default: return value(a, u)
    }
  }

  /// "up 1.0 point", "down 12", "unchanged".
  public static func movement(_ d: Double, _ u: KPIUnit) -> String {
    let s = difference(d, u)
    if d == 0 || s.hasPrefix("0 ") || s == "0" || s.hasPrefix("0.0 ") { return "unchanged" }
    return (d > 0 ? "up " : "down ") + s
  }

  /// One decimal, more for small values (0.47%).
  static func decimals(_ x: Double) -> Int {
    let a = abs(x)
    return a == 0 || a >= 1 ? 1 : a >= 0.1 ? 2 : 3
  }

  /// The unit as an axis title.
  public static func axisTitle(_ u: KPIUnit) -> String {
    switch u {
    case .percent: "per cent"
    case .count: "number"
    case .rate: "rate"
    case .days: "days"
    case .number: "value"
    }
  }

  /// "Bigger is better", "Smaller is better", "Plan is best", "–".
  public static func polarity(_ p: Polarity?) -> String {
    switch p {
    case .bigger?: "Bigger is better"
    case .smaller?: "Smaller is better"
    case .plan?: "Plan is best"
    case nil: "–"
    }
  }

  /// "Snapshot", "Latest quarter", "Year to date" ….
  public static func basis(_ b: ReportingBasis?) -> String {
    switch b {
    case .snapshot?: "Snapshot"
    case .latestQuarter?: "Latest quarter"
    case .yearToDate?: "Year to date"
    case .rollingYear?: "Rolling year"
    case .annual?: "Annual"
    case .forecast?: "Forecast"
    case nil: "–"
    }
  }
}
