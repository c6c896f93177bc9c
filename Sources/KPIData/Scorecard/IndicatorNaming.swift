import Foundation

/// Indicator ids and units from a scorecard's printed titles.
public enum IndicatorNaming {
  static let stopWords: Set<String> = [
    "of", "the", "a", "an", "and", "in", "who", "are", "is", "with", "to", "for", "on", "at", "by", "that", "had", "have", "has",
    "been", "their", "its", "be", "as", "from", "which", "all", "or",
  ]
  /// Service-area prefixes that do not name the KPI (`Social Care: …`).
  static let areaPrefixes = ["social care:", "education:", "early help:", "children's social care:", "send:"]

  /// A short, stable id from a title: lower case, the service-area prefix and stop words
  /// dropped, at most eight words joined by `-` (`Percentage of children in care who are NEET`
  /// → `percentage-children-care-neet`).
  public static func slug(_ title: String) -> String {
    var t = title.lowercased()
    for p in areaPrefixes where t.hasPrefix(p) { t = String(t.dropFirst(p.count)) }
    // `(and rate)`, `(and percentage)`: the bracketed series gets its own suffix.
    for marker in ["(and ", " (and"] {
      while let r = t.range(of: marker) {
        let close = t[r.upperBound...].firstIndex(of: ")") ?? t.endIndex
        t.removeSubrange(r.lowerBound..<(close == t.endIndex ? close : t.index(after: close)))
      }
    }
    t = t.replacingOccurrences(of: "%", with: " pct ")
    var words = [String]()
    var current = ""
    for ch in t {
      if ch.isASCII && (ch.isLetter || ch.isNumber) { current.append(ch) } else if !current.isEmpty { words.append(current); current = "" }
    }
    if !current.isEmpty { words.append(current) }
    let kept = words.filter { !stopWords.contains($0) }
    let chosen = (kept.isEmpty ? words : kept).prefix(8)
    let s = chosen.joined(separator: "-")
    return s.isEmpty ? "indicator" : s
  }

  /// Title normalised for matching catalogue aliases: lower-case letters and digits, single spaces.
  public static func matchKey(_ title: String) -> String {
    var out = ""
    var space = false
    for ch in title.lowercased() {
      if ch.isLetter || ch.isNumber { if space && !out.isEmpty { out.append(" ") }; out.append(ch); space = false } else { space = true }
    }
    return out
  }

  /// The unit a title implies, if it says: `% …`, `Percentage of …`, `Proportion …` → percent;
  /// `Rate per …` → rate; `(days)` → days; `Number of …` → count; changes and gaps → number.
  public static func unit(fromTitle title: String) -> KPIUnit? {
    let l = title.lowercased()
    let stripped = areaPrefixes.reduce(l) { $0.hasPrefix($1) ? String($0.dropFirst($1.count)).trimmingCharacters(in: .whitespaces) : $0 }
    if stripped.hasPrefix("change") || stripped.contains("percentage increase") || stripped.contains("percentage change") || l.contains("gap") {
      return .number
    }
    if stripped.hasPrefix("%") || stripped.hasPrefix("percentage") || stripped.hasPrefix("proportion") || stripped.contains("(percentage)")
      || stripped.hasPrefix("percent") {
      return .percent
    }
    if stripped.hasPrefix("number") || stripped.hasPrefix("count") { return .count }
    if stripped.contains("as a percentage") || stripped.contains("percentage of") || stripped.contains("proportion of") { return .percent }
    if stripped.hasPrefix("rate per") || stripped.contains(" rate per ") { return .rate }
    if l.contains("(days)") { return .days }
    if stripped.hasPrefix("number") || stripped.hasPrefix("count") { return .count }
    if stripped.hasPrefix("average number") { return .number }
    return nil
  }

  /// The kind of the bracketed second number a title announces: `(and rate)` → rate,
  /// `(and percentage)` / `(and proportion)` → percent, `(and number)` → count.
  public static func secondary(fromTitle title: String) -> KPIUnit? {
    let l = title.lowercased()
    if l.contains("and rate") { return .rate }
    if l.contains("and percentage") || l.contains("and proportion") || l.contains("(percentage)") || l.contains("number (and proportion)") {
      return .percent
    }
    if l.contains("and number") { return .count }
    return nil
  }

  /// Id suffix for a bracketed series.
  static func suffix(for unit: KPIUnit, title: String) -> String {
    let l = title.lowercased()
    if l.contains("and rate") { return "rate" }
    switch unit {
    case .percent: return "percent"
    case .rate: return "rate"
    case .count: return "count"
    case .days: return "days"
    case .number: return "value"
    }
  }
}
