/// How often a series is observed.
public enum Frequency: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
  case monthly, quarterly, annual

  /// Months between consecutive periods.
  public var monthsPerStep: Int {
    switch self { case .monthly: 1; case .quarterly: 3; case .annual: 12 }
  }
  /// Seasonal period m (periods per year).
  public var seasonalPeriod: Int { 12 / monthsPerStep }
}

/// A period, identified by its last month (canonical `YYYY-MM`, DESIGN §3).
/// `2022-09` is Q2 2022/23 for a quarterly series and September 2022 for a monthly one.
public struct Period: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Months since year 0: year × 12 + (month − 1).
  public var monthIndex: Int

  public init(year: Int, month: Int) { monthIndex = year * 12 + (month - 1) }
  public init(monthIndex: Int) { self.monthIndex = monthIndex }

  public var year: Int { monthIndex >= 0 ? monthIndex / 12 : (monthIndex - 11) / 12 }
  public var month: Int { monthIndex - year * 12 + 1 }

  /// Canonical text `YYYY-MM`.
  public var description: String {
    let y = String(year)
    return (y.count < 4 ? String(repeating: "0", count: 4 - y.count) + y : y) + "-" + (month < 10 ? "0\(month)" : "\(month)")
  }

  /// Appends the canonical `YYYY-MM` text to a byte buffer (the CSV writers' path).
  public func appendDescription(to out: inout [UInt8]) {
    let y = year, m = month
    guard y >= 0 && y <= 9999 else { out.append(contentsOf: description.utf8); return }
    out.append(UInt8(y / 1000) + 0x30)
    out.append(UInt8(y / 100 % 10) + 0x30)
    out.append(UInt8(y / 10 % 10) + 0x30)
    out.append(UInt8(y % 10) + 0x30)
    out.append(0x2D)
    out.append(UInt8(m / 10) + 0x30)
    out.append(UInt8(m % 10) + 0x30)
  }

  public static func < (a: Period, b: Period) -> Bool { a.monthIndex < b.monthIndex }

  /// The financial year (April–March) containing this period, named by the year it ends:
  /// 2022-09 → 2023 (2022/23).
  public var financialYearEnd: Int { month >= 4 ? year + 1 : year }
  /// `2022/23`-style label of the financial year.
  public var financialYearLabel: String {
    let e = financialYearEnd
    let s = e % 100
    return "\(e - 1)/\(s < 10 ? "0\(s)" : "\(s)")"
  }
  /// Financial quarter 1…4 (Q1 = Apr–Jun).
  public var financialQuarter: Int { ((month + 8) % 12) / 3 + 1 }
  /// The next March at or after... strictly after this period (the year-end still to come).
  public var nextMarch: Period {
    Period(year: month < 3 ? year : year + 1, month: 3)
  }
  /// Position of the period's month in the financial year, 0 = April … 11 = March.
  public var financialMonthIndex: Int { (month + 8) % 12 }

  public func advanced(by months: Int) -> Period { Period(monthIndex: monthIndex + months) }
}

/// A parsed period with the frequency its notation implies, if any.
public struct ParsedPeriod: Sendable, Equatable {
  public var period: Period
  /// `2022-Q3` and `2022/23 Q2` imply quarterly; `2025` and `2023/24` imply annual; `2022-09`
  /// and `Sep-22` imply nothing.
  public var impliedFrequency: Frequency?

  public init(period: Period, impliedFrequency: Frequency? = nil) {
    self.period = period
    self.impliedFrequency = impliedFrequency
  }
}

extension Period {
  private static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

  /// Parses the notations of DESIGN §3: `2022-09`, `2022-Q3` (calendar quarter), `2022/23 Q2`
  /// (financial-year quarter; also `Q2 2022/23`), `Sep-22` / `Sep 2022`, `2025` (financial year
  /// to March 2025) and `2023/24` (the year to March 2024). Returns `nil` for anything else.
  public static func parse(_ raw: String) -> ParsedPeriod? {
    // Fast paths on the bytes for the common notations; anything else takes the general path.
    if let fast = raw.utf8.withContiguousStorageIfAvailable({ parseCommon($0) }) ?? parseCommon(Array(raw.utf8)[...]) {
      return fast
    }
    return parseGeneral(raw)
  }

  /// Every notation through Foundation's trimming and lowercasing (the path ``parseCommon(_:)``
  /// short-cuts for the usual forms).
  static func parseGeneral(_ raw: String) -> ParsedPeriod? {
    let s = raw.trimmingCharacters(in: .whitespaces)
    guard !s.isEmpty, s.count <= 40 else { return nil }
    let lower = s.lowercased()
    // 2022-09 or 2022-9
    if let (y, rest) = splitYear(lower), rest.hasPrefix("-") {
      let r = rest.dropFirst()
      if let mo = Int(r), (1...12).contains(mo), r.count <= 2 { return ParsedPeriod(period: Period(year: y, month: mo), impliedFrequency: nil) }
      if r.hasPrefix("q"), let q = Int(r.dropFirst()), (1...4).contains(q), r.count == 2 {
        return ParsedPeriod(period: Period(year: y, month: q * 3), impliedFrequency: .quarterly)
      }
      return nil
    }
    // 2022/23 Q2, Q2 2022/23, 2022/23
    let parts = lower.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    if parts.count == 1, let fy = financialYear(parts[0]) {
      return ParsedPeriod(period: Period(year: fy, month: 3), impliedFrequency: .annual)
    }
    if parts.count == 2 {
      var fyText = parts[0], qText = parts[1]
      if fyText.hasPrefix("q") { swap(&fyText, &qText) }
      if let fy = financialYear(fyText), qText.hasPrefix("q"), qText.count == 2, let q = Int(qText.dropFirst()), (1...4).contains(q) {
        // Q1 ends June of the first year; Q4 ends March of the second.
        let monthIndex = (fy - 1) * 12 + 3 + q * 3 - 1
        return ParsedPeriod(period: Period(monthIndex: monthIndex), impliedFrequency: .quarterly)
      }
      // Sep 2022
      if let mo = monthNames.firstIndex(of: String(parts[0].prefix(3))), parts[0].count <= 9, let y = Int(parts[1]), parts[1].count == 4 {
        return ParsedPeriod(period: Period(year: y, month: mo + 1), impliedFrequency: nil)
      }
      return nil
    }
    // Sep-22, Sep-2022
    let dash = lower.split(separator: "-").map(String.init)
    if dash.count == 2, let mo = monthNames.firstIndex(of: String(dash[0].prefix(3))), dash[0].count <= 9, dash[0].allSatisfy(\.isLetter),
       let yy = Int(dash[1]), dash[1].allSatisfy(\.isNumber) {
      let y: Int
      if dash[1].count == 2 { y = 2000 + yy } else if dash[1].count == 4 { y = yy } else { return nil }
      return ParsedPeriod(period: Period(year: y, month: mo + 1), impliedFrequency: nil)
    }
    // 2025 (financial year to March 2025)
    if lower.count == 4, let y = Int(lower), y >= 1000 {
      return ParsedPeriod(period: Period(year: y, month: 3), impliedFrequency: .annual)
    }
    return nil
  }

  /// `2022-09`, `2022-Q3`, `2022/23 Q2`, `2025` and `2023/24` read straight from the bytes
  /// (no Foundation, no allocation); nil when the text is not exactly one of them, so the
  /// general path decides. Each result is the one the general path gives for the same text.
  static func parseCommon<C: RandomAccessCollection>(_ u: C) -> ParsedPeriod? where C.Element == UInt8, C.Index == Int {
    let n = u.count, b = u.startIndex
    @inline(__always) func digit(_ i: Int) -> Int? {
      let c = u[b + i]
      return c >= 0x30 && c <= 0x39 ? Int(c &- 0x30) : nil
    }
    guard n == 4 || n == 7 || n == 10, let y0 = digit(0), let y1 = digit(1), let y2 = digit(2), let y3 = digit(3) else { return nil }
    let y = y0 * 1000 + y1 * 100 + y2 * 10 + y3
    if n == 4 { return y >= 1000 ? ParsedPeriod(period: Period(year: y, month: 3), impliedFrequency: .annual) : nil }
    let sep = u[b + 4]
    if n == 7 && sep == 0x2D {
      if let m1 = digit(5), let m2 = digit(6) {
        let m = m1 * 10 + m2
        return (1...12).contains(m) ? ParsedPeriod(period: Period(year: y, month: m), impliedFrequency: nil) : nil
      }
      if u[b + 5] | 0x20 == 0x71, let q = digit(6), (1...4).contains(q) {
        return ParsedPeriod(period: Period(year: y, month: q * 3), impliedFrequency: .quarterly)
      }
      return nil
    }
    guard sep == 0x2F, let s1 = digit(5), let s2 = digit(6), s1 * 10 + s2 == (y + 1) % 100 else { return nil }
    let fy = y + 1
    if n == 7 { return ParsedPeriod(period: Period(year: fy, month: 3), impliedFrequency: .annual) }
    guard u[b + 7] == 0x20, u[b + 8] | 0x20 == 0x71, let q = digit(9), (1...4).contains(q) else { return nil }
    return ParsedPeriod(period: Period(monthIndex: (fy - 1) * 12 + 3 + q * 3 - 1), impliedFrequency: .quarterly)
  }

  private static func splitYear(_ s: String) -> (Int, Substring)? {
    let digits = s.prefix(while: \.isNumber)
    guard digits.count == 4, let y = Int(digits) else { return nil }
    return (y, s.dropFirst(4))
  }

  /// `2022/23` or `2022/2023` → 2023 (the year the financial year ends).
  private static func financialYear(_ s: String) -> Int? {
    let p = s.split(separator: "/", omittingEmptySubsequences: false)
    guard p.count == 2, p[0].count == 4, let a = Int(p[0]), p[0].allSatisfy(\.isNumber), p[1].allSatisfy(\.isNumber) else { return nil }
    if p[1].count == 2, let b = Int(p[1]), b == (a + 1) % 100 { return a + 1 }
    if p[1].count == 4, let b = Int(p[1]), b == a + 1 { return b }
    return nil
  }

  /// Infers a series' frequency from its periods and the notations' hints: an annual hint or
  /// a 12-month spacing → annual; quarterly hints, or quarter-end months spaced by multiples of 3
  /// → quarterly; otherwise monthly. A lone quarter-end period is taken as quarterly.
  public static func inferFrequency(_ periods: [ParsedPeriod]) -> Frequency {
    let hints = Set(periods.compactMap(\.impliedFrequency))
    if hints.contains(.annual) { return .annual }
    if hints.contains(.quarterly) { return .quarterly }
    let months = Set(periods.map(\.period.monthIndex)).sorted()
    var g = 0
    for (a, b) in zip(months, months.dropFirst()) { g = gcd(g, b - a) }
    let quarterEnds = months.allSatisfy { Period(monthIndex: $0).month % 3 == 0 }
    if g == 0 { return quarterEnds ? .quarterly : .monthly }
    if g % 12 == 0 && months.count >= 2 && hints.isEmpty && !quarterEnds { return .annual }
    if g % 3 == 0 && quarterEnds { return .quarterly }
    return .monthly
  }

  private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? abs(a) : gcd(b, a % b) }
}

import Foundation
