import Foundation
import Yams

/// Strict reading of configuration YAML (catalogue, scenarios): the text is checked (size,
/// UTF-8, NUL bytes, nesting), composed into Yams nodes that keep their line (`Node.mark`), and
/// every mapping's keys and every value's type are checked by the caller through these helpers.
/// Every error is a ``DataError/configuration(file:line:message:)``: file, line and key in words.
public enum StrictYAML {
  /// Configuration files are small; bigger input is refused rather than parsed.
  public static let maximumBytes = 8 * 1024 * 1024
  /// Deepest flow nesting accepted (a stack-depth guard for the YAML parser).
  public static let maximumNesting = 64

  /// The error at `node`'s line.
  public static func error(_ file: String, _ node: Node?, _ message: String) -> DataError {
    DataError.configuration(file: file, line: node?.mark?.line, message: message)
  }

  /// Decodes and checks the text, then composes it (nil for an empty document).
  public static func compose(data: Data, file: String) throws -> Node? {
    guard data.count <= maximumBytes else {
      throw DataError.configuration(file: file, line: nil, message: "the file is \(data.count) bytes; a configuration file should be under \(maximumBytes) bytes")
    }
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      let offset = ScorecardText.firstInvalidUTF8Offset(bytes)
      throw DataError.configuration(file: file, line: 1 + bytes.prefix(offset).filter { $0 == 10 }.count,
                                    message: "bytes at offset \(offset) are not valid UTF-8; save the file as UTF-8")
    }
    if let nul = text.utf8.firstIndex(of: 0) {
      let line = 1 + text.utf8[..<nul].filter { $0 == 10 }.count
      throw DataError.configuration(file: file, line: line, message: "a NUL byte; this is not a YAML text file")
    }
    try checkNesting(text, file: file)
    do { return try Yams.compose(yaml: text) } catch {
      throw DataError.configuration(file: file, line: yamlLine(error), message: "not valid YAML: \(yamlProblem(error))")
    }
  }

  /// The mapping at `node`, or an error saying what was expected.
  public static func mapping(_ node: Node, file: String, what: String) throws -> Node.Mapping {
    guard let m = node.mapping else { throw error(file, node, "\(what) must be a mapping of keys (key: value), found \(kind(node))") }
    return m
  }

  /// The list at `node` (an empty scalar reads as an empty list), or an error.
  public static func sequence(_ node: Node, file: String, what: String) throws -> [Node] {
    if let s = node.sequence { return Array(s) }
    if let t = node.scalar?.string, ["", "~", "null"].contains(t) { return [] }
    throw error(file, node, "\(what) must be a list (lines starting with '- '), found \(kind(node))")
  }

  /// Checks a mapping's keys: each known (else "unknown key 'rmap' (did you mean 'ramp'?)")
  /// and each required one present (else "required key 'from' is missing").
  public static func checkKeys(_ map: Node.Mapping, at node: Node, allowed: [String], required: [String] = [], file: String,
                               context: String) throws {
    for (k, _) in map {
      let key = k.string ?? "?"
      guard allowed.contains(key) else {
        throw error(file, k, "unknown key '\(key)' in \(context)\(Suggestion.hint(for: key, among: allowed)); allowed keys: \(allowed.joined(separator: ", "))")
      }
    }
    for r in required where map[r] == nil {
      throw error(file, node, "required key '\(r)' is missing in \(context)")
    }
  }

  /// Text of a scalar value, or an error naming the key.
  public static func string(_ node: Node, key: String, file: String, context: String) throws -> String {
    guard let s = node.scalar?.string else { throw error(file, node, "'\(key)' in \(context) must be text, found \(kind(node))") }
    return s
  }

  /// A finite number, or an error naming the key and the text found. `percentAllowed` also
  /// reads `-20%` as −0.20.
  public static func number(_ node: Node, key: String, file: String, context: String, percentAllowed: Bool = false) throws -> Double {
    guard let s = node.scalar?.string else { throw error(file, node, "'\(key)' in \(context) must be a number, found \(kind(node))") }
    let t = s.trimmingCharacters(in: .whitespaces)
    if percentAllowed, t.hasSuffix("%"), let v = Double(t.dropLast()), v.isFinite { return v / 100 }
    guard let v = Double(t), v.isFinite, !t.lowercased().contains("n") else {
      throw error(file, node, "'\(key)' in \(context) must be a number, got '\(s)'" + (percentAllowed ? " (a fraction such as -0.2, or a percent such as -20%)" : ""))
    }
    return v
  }

  /// A whole number, or an error naming the key and the text found.
  public static func integer(_ node: Node, key: String, file: String, context: String) throws -> Int {
    guard let s = node.scalar?.string, let v = Int(s.trimmingCharacters(in: .whitespaces)) else {
      throw error(file, node, "'\(key)' in \(context) must be a whole number, got \(node.scalar.map { "'\($0.string)'" } ?? kind(node))")
    }
    return v
  }

  /// What a node is, in words.
  public static func kind(_ node: Node) -> String {
    switch node {
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .scalar(let s): return s.string.isEmpty ? "nothing" : "'\(s.string)'"
    case .alias: return "an alias"
    }
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
          throw DataError.configuration(file: file, line: line, message: "lists or mappings nested more than \(maximumNesting) deep")
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
    case .duplicatedKeysInMapping(_, let c): return c.mark.line
    default: return nil
    }
  }

  static func yamlProblem(_ error: Error) -> String {
    guard let y = error as? YamlError else { return "the YAML library could not read it" }
    switch y {
    case .scanner(let c, let p, _, _), .parser(let c, let p, _, _), .composer(let c, let p, _, _):
      return c.map { "\(p) (\($0.text) at line \($0.mark.line))" } ?? p
    case .reader(let p, _, _, _): return p
    case .duplicatedKeysInMapping(let d, _): return "the key '\(d.first ?? "?")' is given twice"
    default: return "the YAML library could not read it"
    }
  }
}
