import Foundation
import Yams

/// Loads and validates one catalogue YAML file. Codable ignores keys it does not know, so the
/// file is first composed into a Yams `Node` and every mapping's keys are checked; then decoded;
/// then checked across fields. Every error names the file, the line, the indicator and the key.
enum CatalogueLoader {
  static let topKeys: Set<String> = ["indicators"]
  static let priorKeys: Set<String> = ["effects", "scale", "weight", "evidence"]
  /// Catalogue files are small; bigger input is refused rather than parsed.
  static let maximumBytes = 8 * 1024 * 1024
  static let maximumNesting = 64

  static func load(path: String) throws -> [CatalogueEntry] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw DataError.unreadableFile(file: path, reason: "cannot read")
    }
    return try parse(data: data, file: path)
  }

  static func parse(data: Data, file: String) throws -> [CatalogueEntry] {
    guard data.count <= maximumBytes else {
      throw DataError.invalid(InputLocation(file: file), message: "the file is \(data.count) bytes; a catalogue file should be under \(maximumBytes) bytes")
    }
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw DataError.notUTF8(file: file, row: 1 + bytes.prefix(ScorecardText.firstInvalidUTF8Offset(bytes)).filter { $0 == 10 }.count,
                              byteOffset: ScorecardText.firstInvalidUTF8Offset(bytes))
    }
    if text.contains("\u{0}") { throw DataError.invalid(InputLocation(file: file), message: "the file holds NUL bytes; it is not a YAML text file") }
    try checkNesting(text, file: file)
    let node: Node?
    do { node = try Yams.compose(yaml: text) } catch {
      throw DataError.invalid(InputLocation(file: file, row: yamlLine(error)), message: "not valid YAML: \(yamlProblem(error))")
    }
    guard let root = node else { return [] }
    guard let top = root.mapping else {
      throw DataError.invalid(InputLocation(file: file, row: root.mark?.line), message: "expected a mapping with the key 'indicators:' at the top")
    }
    for (k, _) in top {
      guard let key = k.string, topKeys.contains(key) else {
        throw DataError.invalid(InputLocation(file: file, row: k.mark?.line, column: k.string ?? "?"),
                                message: "unknown key '\(k.string ?? "?")' at the top; the file holds 'indicators:'")
      }
    }
    guard let list = top["indicators"] else { return [] }
    if list.scalar?.string == "" || list.scalar?.string == "~" || list.scalar?.string == "null" { return [] }
    guard let items = list.sequence else {
      throw DataError.invalid(InputLocation(file: file, row: list.mark?.line, column: "indicators"), message: "'indicators' must be a list of entries")
    }
    var entries = [CatalogueEntry]()
    for (n, item) in items.enumerated() {
      let id = item.mapping?["id"]?.string ?? "entry \(n + 1)"
      guard let map = item.mapping else {
        throw DataError.invalid(InputLocation(file: file, row: item.mark?.line, column: "indicators[\(n)]"), message: "each indicator must be a mapping of keys")
      }
      for (k, v) in map {
        let key = k.string ?? "?"
        guard CatalogueEntry.allowedKeys.contains(key) else {
          throw DataError.invalid(InputLocation(file: file, row: k.mark?.line, column: key),
            message: "indicator '\(id)': unknown key '\(key)'; allowed keys: \(CatalogueEntry.allowedKeys.sorted().joined(separator: ", "))")
        }
        if key == "seasonal_prior", let pm = v.mapping {
          for (pk, _) in pm where !priorKeys.contains(pk.string ?? "") {
            throw DataError.invalid(InputLocation(file: file, row: pk.mark?.line, column: "seasonal_prior.\(pk.string ?? "?")"),
              message: "indicator '\(id)': unknown key '\(pk.string ?? "?")' in seasonal_prior; allowed: effects, scale, weight, evidence")
          }
        }
      }
      let entry: CatalogueEntry
      do { entry = try YAMLDecoder().decode(CatalogueEntry.self, from: item) } catch {
        let (path, message) = describe(error)
        let line = path.first.flatMap { map[$0]?.mark?.line } ?? item.mark?.line
        throw DataError.invalid(InputLocation(file: file, row: line, column: path.isEmpty ? nil : path.joined(separator: ".")),
                                message: "indicator '\(id)': \(message)")
      }
      try validate(entry, file: file, line: item.mark?.line)
      entries.append(entry)
    }
    return entries
  }

  /// Refuses flow collections nested deeper than `maximumNesting` (a stack-depth guard).
  static func checkNesting(_ text: String, file: String) throws {
    var depth = 0, line = 1
    var inQuote: UInt8? = nil
    for b in text.utf8 {
      if b == 10 { line += 1 }
      if let q = inQuote { if b == q { inQuote = nil }; continue }
      switch b {
      case UInt8(ascii: "\""), UInt8(ascii: "'"): if depth > 0 { inQuote = b }
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        depth += 1
        if depth > maximumNesting {
          throw DataError.invalid(InputLocation(file: file, row: line), message: "lists or mappings nested more than \(maximumNesting) deep")
        }
      case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
      case 10: inQuote = nil
      default: break
      }
    }
  }

  static func yamlLine(_ error: Error) -> Int? {
    guard let y = error as? YamlError else { return nil }
    switch y {
    case .scanner(_, _, let m, _), .parser(_, _, let m, _), .composer(_, _, let m, _): return m.line
    default: return nil
    }
  }

  static func yamlProblem(_ error: Error) -> String {
    guard let y = error as? YamlError else { return "\(error)" }
    switch y {
    case .scanner(_, let p, _, _), .parser(_, let p, _, _), .composer(_, let p, _, _): return p
    case .reader(let p, _, _, _): return p
    case .duplicatedKeysInMapping(let d, _): return "duplicated keys \(d.joined(separator: ", "))"
    default: return "\(y)"
    }
  }

  /// Key path and a plain message from a decoding error.
  static func describe(_ error: Error) -> ([String], String) {
    func path(_ p: [CodingKey]) -> [String] { p.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue } }
    guard let d = error as? DecodingError else { return ([], "\(error)") }
    switch d {
    case .typeMismatch(let t, let c):
      return (path(c.codingPath), "key '\(path(c.codingPath).joined(separator: "."))' has the wrong type: expected \(typeName(t))")
    case .valueNotFound(let t, let c):
      return (path(c.codingPath), "key '\(path(c.codingPath).joined(separator: "."))' is empty: expected \(typeName(t))")
    case .keyNotFound(let k, let c):
      let p = path(c.codingPath) + [k.stringValue]
      return (path(c.codingPath), "required key '\(p.joined(separator: "."))' is missing")
    case .dataCorrupted(let c):
      let p = path(c.codingPath)
      var allowed = ""
      switch p.first {
      case "unit": allowed = "; use one of \(KPIUnit.allCases.map(\.rawValue).joined(separator: ", "))"
      case "polarity": allowed = "; use bigger, smaller or plan"
      case "basis": allowed = "; use one of \(ReportingBasis.allCases.map(\.rawValue).joined(separator: ", "))"
      case "frequency": allowed = "; use monthly, quarterly or annual"
      default: break
      }
      return (p, "key '\(p.joined(separator: "."))' has a value that cannot be read (\(c.debugDescription))\(allowed)")
    @unknown default:
      return ([], "\(error)")
    }
  }

  static func typeName(_ t: Any.Type) -> String {
    let s = "\(t)"
    if s.contains("Double") { return "a number" }
    if s.contains("Dictionary") { return "a mapping" }
    if s.contains("Array") { return "a list" }
    if s.contains("String") { return "text" }
    return s
  }

  /// Rules spanning fields: bounds ordered and holding every published number; an intervention
  /// level never on the better side of its target; a seasonal prior of 4 or 12 finite effects.
  static func validate(_ e: CatalogueEntry, file: String, line: Int?) throws {
    func fail(_ key: String, _ m: String) -> DataError {
      DataError.invalid(InputLocation(file: file, row: line, column: key), message: "indicator '\(e.id)': \(m)")
    }
    if e.id.isEmpty || e.id.contains(where: { $0 == " " || $0 == "," || $0 == "\"" || $0.isNewline }) {
      throw fail("id", "the id '\(e.id)' must be non-empty without spaces, commas or quotes")
    }
    if e.title.trimmingCharacters(in: .whitespaces).isEmpty { throw fail("title", "the title is empty") }
    if let b = e.bounds {
      guard b.count == 2 else { throw fail("bounds", "bounds must be [lower, upper]") }
      if let lo = b[0], let hi = b[1], !(lo < hi) { throw fail("bounds", "bounds [\(lo), \(hi)]: lower must be below upper") }
      for v in b.compactMap({ $0 }) where !v.isFinite { throw fail("bounds", "bounds must be finite numbers") }
    }
    let (lo, hi) = e.effectiveBounds
    func checkBounds(_ key: String, _ values: [String: Double]?) throws {
      for (k, v) in (values ?? [:]).sorted(by: { $0.key < $1.key }) {
        if !v.isFinite { throw fail("\(key).\(k)", "\(v) is not a finite number") }
        if let lo, v < lo { throw fail("\(key).\(k)", "\(NumberText.plain(v)) is below the lower bound \(NumberText.plain(lo)) of a \(e.unit.rawValue) indicator; fix the value or the bounds") }
        if let hi, v > hi { throw fail("\(key).\(k)", "\(NumberText.plain(v)) is above the upper bound \(NumberText.plain(hi)) of a \(e.unit.rawValue) indicator; fix the value or the bounds") }
      }
    }
    try checkBounds("targets", e.targets)
    try checkBounds("intervention_levels", e.interventionLevels)
    try checkBounds("quarterly_targets", e.quarterlyTargets)
    try checkBounds("quarterly_intervention_levels", e.quarterlyInterventionLevels)
    for (name, byYear) in e.comparators ?? [:] { try checkBounds("comparators.\(name)", byYear) }
    for (key, years) in [("targets", e.targets), ("quarterly_targets", e.quarterlyTargets)] {
      for y in (years ?? [:]).keys where Period.parse(y) == nil {
        throw fail("\(key).\(y)", "'\(y)' is not a year or quarter (use 2022/23 or 2022/23 Q2)")
      }
    }
    // Intervention level on the worse side of (or at) the target.
    if let p = e.polarity, p != .plan {
      let pairs: [(String, [String: Double]?, [String: Double]?)] = [
        ("intervention_levels", e.targets, e.interventionLevels),
        ("quarterly_intervention_levels", e.quarterlyTargets, e.quarterlyInterventionLevels),
      ]
      for (key, targets, levels) in pairs {
        for (y, l) in (levels ?? [:]).sorted(by: { $0.key < $1.key }) {
          guard let t = targets?[y] else { continue }
          if p == .bigger && l > t || p == .smaller && l < t {
            throw fail("\(key).\(y)", "the intervention level \(NumberText.plain(l)) is on the better side of the target \(NumberText.plain(t)) for a '\(p.rawValue) is better' indicator; the intervention level must be worse than the target")
          }
        }
      }
    }
    if let m = e.significantMargin, !(m > 0 && m < 1) {
      throw fail("significant_margin", "\(NumberText.plain(m)) must be a fraction of the target between 0 and 1 (0.1 = 10% worse than target)")
    }
    if let prior = e.seasonalPrior {
      guard prior.weight > 0, prior.weight.isFinite else { throw fail("seasonal_prior.weight", "must be a positive number") }
      guard [4, 12].contains(prior.effects.count) else { throw fail("seasonal_prior.effects", "needs 4 (quarters) or 12 (months) values, has \(prior.effects.count)") }
      guard prior.effects.allSatisfy(\.isFinite) else { throw fail("seasonal_prior.effects", "effects must be finite numbers") }
      if let s = prior.scale, !["data", "model"].contains(s) { throw fail("seasonal_prior.scale", "'\(s)' must be data or model") }
    }
    if let t = e.transform, !["auto", "none", "log", "log1p", "logit", "sqrt"].contains(t) {
      throw fail("transform", "'\(t)' must be auto, none, log, log1p, logit or sqrt")
    }
    for s in e.levelShifts ?? [] where Period.parse(s) == nil { throw fail("level_shifts", "'\(s)' is not a period") }
  }
}

extension Catalogue {
  /// Checks observations against the catalogue's bounds: a value outside an indicator's
  /// bounds is an error naming the observations file and row and the catalogue key.
  public func checkBounds(_ set: ObservationSet) throws {
    for o in set.observations {
      guard let v = o.value, let e = self[o.indicator] else { continue }
      let (lo, hi) = e.effectiveBounds
      if let lo, v < lo || (hi.map { v > $0 } ?? false) {
        throw DataError.invalid(InputLocation(file: set.file, row: o.row, column: "value"),
          message: "\(NumberText.plain(v)) for '\(o.indicator)' is outside the catalogue bounds [\(NumberText.plain(lo)), \(hi.map(NumberText.plain) ?? "∞")] (catalogue key '\(e.id).bounds' or its unit '\(e.unit.rawValue)')")
      }
      if lo == nil, let hi, v > hi {
        throw DataError.invalid(InputLocation(file: set.file, row: o.row, column: "value"),
          message: "\(NumberText.plain(v)) for '\(o.indicator)' is above the catalogue upper bound \(NumberText.plain(hi)) (catalogue key '\(e.id).bounds')")
      }
    }
  }
}
