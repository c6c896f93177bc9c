import Foundation

/// The service area a KPI is listed under on the page: the title's prefix ("Social Care: …"),
/// else the input's `section` column (its most frequent meaningful value), else a rule on the
/// indicator id (children in care, education, help and protection), else "Other".
enum ServiceArea {
  /// Section labels that say nothing about the service.
  static let generic: Set<String> = ["", "key performance indicator", "exception report", "kpi"]

  static func name(title: String, sections: [String: Int], indicator: String) -> String {
    if let i = title.firstIndex(of: ":") {
      let a = title[..<i].trimmingCharacters(in: .whitespaces)
      if !a.isEmpty, a.count <= 40 { return tidy(a) }
    }
    let useful = sections.filter { !generic.contains($0.key.lowercased().trimmingCharacters(in: .whitespaces)) }
    if let best = useful.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) { return tidy(best.key) }
    let id = indicator.lowercased()
    if id.hasPrefix("cic-") || id.hasPrefix("uasc-") || id.contains("fostering") || id.contains("connected-carers") || id.contains("permanence") {
      return "Children in Care"
    }
    if ["neet", "exclusion", "attainment", "cmoe", "good-outstanding", "attendance", "early-years"].contains(where: id.contains) { return "Education" }
    if id.contains("referral") || id.hasPrefix("cp-") || id.contains("private-fostering") { return "Children in Need of Help & Protection" }
    return "Other"
  }

  /// "CHILDREN IN CARE: EDUCATION" → "Children in Care: Education".
  static func tidy(_ s: String) -> String {
    let small: Set<String> = ["in", "of", "and", "the", "for", "to", "on"]
    let words = s.split(separator: " ").enumerated().map { k, w -> String in
      let l = w.lowercased()
      if k > 0 && small.contains(l) { return l }
      if w == w.uppercased() || w == w.lowercased() { return l.prefix(1).uppercased() + l.dropFirst() }
      return String(w)
    }
    return words.joined(separator: " ")
  }
}
