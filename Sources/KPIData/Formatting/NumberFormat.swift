import Foundation

/// The one home of number formatting, for people (tables, prose, the report) and for scripts
/// (CSV, JSON, messages). Every command and drafted sentence formats numbers here.
public enum NumberFormat {
  /// The shortest text that reads back as the same `Double` (Swift's round-trip `description`,
  /// no `String(format:)`), integers below 10¹⁶ as plain digits (no `.0`; Swift's own exponent
  /// form starts there), NaN as an empty field: for CSV and JSON.
  public static func machine(_ x: Double) -> String {
    var bytes = [UInt8]()
    bytes.reserveCapacity(24)
    appendMachine(x, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends ``machine(_:)``'s text of `x` to a byte buffer (the CSV writers' path).
  public static func appendMachine(_ x: Double, to out: inout [UInt8]) {
    if x.isNaN { return }
    if x == x.rounded() && abs(x) < 1e16 { appendInteger(Int64(x), to: &out); return }
    out.append(contentsOf: x.description.utf8)
  }

  /// Appends the decimal digits of `n` (with a leading `-` when negative).
  public static func appendInteger(_ n: Int64, to out: inout [UInt8]) {
    if n == 0 { out.append(0x30); return }
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                 UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
      (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var v = n.magnitude, k = 0
    withUnsafeMutableBytes(of: &digits) { d in
      while v > 0 { d[k] = UInt8(truncatingIfNeeded: v % 10) + 0x30; v /= 10; k += 1 }
      if n < 0 { out.append(0x2D) }
      for i in stride(from: k - 1, through: 0, by: -1) { out.append(d[i]) }
    }
  }

  /// Plain number text for messages: integers without `.0`, others as Swift prints them
  /// (shortest round trip).
  public static func plain(_ v: Double) -> String {
    if v.isFinite, v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
    return "\(v)"
  }

  /// Thousands separators and `decimals` places, e.g. 2,157 or 25.4; a true minus sign.
  public static func human(_ x: Double, decimals: Int) -> String {
    if !x.isFinite { return "–" }
    let s = String(format: "%.\(decimals)f", abs(x))
    let parts = s.split(separator: ".", maxSplits: 1).map(String.init)
    var intPart = parts[0]
    var groups = [String]()
    while intPart.count > 3 { groups.insert(String(intPart.suffix(3)), at: 0); intPart.removeLast(3) }
    groups.insert(intPart, at: 0)
    var out = groups.joined(separator: ",")
    if parts.count > 1 { out += "." + parts[1] }
    return (x < 0 && Double(s) != 0 ? "−" : "") + out
  }

  /// ``human(_:decimals:)`` with its sign always written: `+13`, `−4`, and `+0` for a value that
  /// rounds to nothing (never `-0`).
  public static func signed(_ x: Double, decimals: Int) -> String {
    let text = human(x, decimals: decimals)
    return text.hasPrefix("−") ? text : "+" + text
  }

  /// Decimals for a percent or rate: one, more for small values (0.80%, 0.050%) so exclusion
  /// rates stay readable.
  public static func decimals(_ x: Double) -> Int {
    let a = abs(x)
    return a == 0 || a >= 1 ? 1 : a >= 0.1 ? 2 : 3
  }

  /// A value in its unit for people: `25.4%`, `2,157`, `62.6`, `41 days`, `3.25`.
  public static func value(_ x: Double, unit: KPIUnit) -> String {
    switch unit {
    case .percent: return human(x, decimals: decimals(x)) + "%"
    case .count: return human(x, decimals: 0)
    case .rate: return human(x, decimals: decimals(x))
    case .days: return human(x, decimals: 0) + " days"
    case .number: return human(x, decimals: abs(x) >= 100 ? 0 : 2)
    }
  }

  /// A difference in the unit: percentage points for percents (`1.0 point`, `2.5 points`).
  public static func delta(_ x: Double, unit: KPIUnit) -> String {
    guard unit == .percent else { return value(x, unit: unit) }
    let text = human(x, decimals: decimals(x))
    return text + (text == "1.0" ? " point" : " points")
  }

  /// A probability for people: whole percents, with `<1%` and `>99%` where rounding would
  /// show a certainty that is not there (exact 0 and 1 stay `0%` and `100%`).
  public static func probability(_ p: Double) -> String {
    guard p.isFinite else { return "–" }
    if p > 0 && p < 0.005 { return "<1%" }
    if p < 1 && p > 0.995 { return ">99%" }
    return String(format: "%.0f%%", p * 100)
  }

  /// Quotes a CSV field when it holds a comma, quote or line break (decided in one pass).
  public static func csvField(_ s: String) -> String {
    guard csvNeedsQuotes(s) else { return s }
    var bytes = [UInt8]()
    appendCSVField(s, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Whether ``csvField(_:)`` quotes `s`: it holds a comma, quote, CR or LF.
  public static func csvNeedsQuotes(_ s: String) -> Bool {
    s.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
  }

  /// Appends ``csvField(_:)``'s text of `s` to a byte buffer.
  public static func appendCSVField(_ s: String, to out: inout [UInt8]) {
    guard csvNeedsQuotes(s) else { out.append(contentsOf: s.utf8); return }
    out.append(0x22)
    for c in s.utf8 {
      if c == 0x22 { out.append(0x22) }
      out.append(c)
    }
    out.append(0x22)
  }
}

/// The earlier name of ``NumberFormat`` for messages (`NumberText.plain`).
public typealias NumberText = NumberFormat
