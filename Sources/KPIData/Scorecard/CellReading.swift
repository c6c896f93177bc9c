import Foundation

/// What a scorecard cell says, read with its meaning (DESIGN §2 "messy cells").
///
/// - `471 (62.6)`, `23 (9%)`, `7.7% (548)` → `.pair` (a main number and a bracketed second one:
///   count and rate, count and percent, percent and count).
/// - `15% (14% Oct)`, `83% - National average`, `2 CIC` → `.number` with the aside kept as `note`.
/// - `25.4% (Provisional)` → `.number` with `status = "provisional"`.
/// - `64.00%`, `2,720`, `0.3`, `-14.50` → `.number`.
/// - `n/a`, `tbc`, ``, `not available until November`, `No target set` → `.missing(reason)`.
/// - `decrease from Q1` → `.directional` (a target written as words).
/// - anything else → `.unreadable`, which the importer lists in its report.
public struct CellReading: Sendable, Equatable {
  public enum Kind: String, Sendable, Equatable {
    case number, pair, missing, directional, unreadable
  }

  public var kind: Kind
  /// One number for `.number`, two for `.pair` (main, bracketed); empty otherwise.
  public var numbers: [CellNumber]
  /// An aside kept from the cell (`14% Oct`, `National average`).
  public var note: String?
  /// `provisional` when the cell says so.
  public var status: String?
  /// Why the cell holds no number (`empty`, `n/a`, `not available until November` …) or, for
  /// `.directional`, the wording, and for `.unreadable`, what was wrong.
  public var reason: String?

  public init(kind: Kind, numbers: [CellNumber] = [], note: String? = nil, status: String? = nil, reason: String? = nil) {
    self.kind = kind
    self.numbers = numbers
    self.note = note
    self.status = status
    self.reason = reason
  }

  /// Whether the cell is plain: a single number with no aside or status.
  public var isPlainNumber: Bool { kind == .number && note == nil && status == nil }

  /// Words read as "no value here" (compared case-insensitively after trimming).
  public static let missingMarkers: Set<String> = [
    "n/a", "na", "n.a.", "tbc", "tbd", "tba", "-", "--", "—", "–", "..", "x", "nil return", "null", "none", "missing",
    "no data", "not known", "unknown", "not applicable", "no target", "no target set", "not set", "no value",
    "suppressed", "c", "z", "u",
  ]
  /// Phrases that start a "missing, with a reason" cell (`not available until November`).
  static let missingPrefixes = ["not available", "not yet available", "available from", "awaiting", "no data", "no target",
                                "data not", "not reported", "to follow", "not due", "due in", "scoping"]
  /// Words that make a cell a directional target (`decrease from Q1`, `maintain`).
  static let directionWords = ["decrease", "increase", "reduce", "reduction", "maintain", "improve", "lower", "higher",
                               "fewer", "more than", "less than", "below", "above", "at least", "no more than", "no increase"]

  /// Reads one cell's text.
  public static func read(_ raw: String) -> CellReading {
    var s = FastText.trim(raw)
    // Normalise typographic minus and non-breaking spaces.
    if FastText.hasNonASCII(s) { s = FastText.trim(s.replacingOccurrences(of: "\u{2212}", with: "-").replacingOccurrences(of: "\u{00A0}", with: " ")) }
    if s.isEmpty { return CellReading(kind: .missing, reason: "empty") }
    if s.utf8.count > 400 { return CellReading(kind: .unreadable, reason: "a long text (\(s.count) characters), not a value") }
    let lower = s.lowercased()
    if missingMarkers.contains(lower) { return CellReading(kind: .missing, reason: s) }
    if missingPrefixes.contains(where: { lower.hasPrefix($0) }) { return CellReading(kind: .missing, reason: s) }
    // A trailing "(Provisional)" / "(P)" marks the status.
    var status: String?
    for marker in ["(provisional)", "(prov)", "(prov.)", "(p)", "provisional"] where lower.hasSuffix(marker) {
      status = "provisional"
      s = String(s.dropLast(marker.count)).trimmingCharacters(in: .whitespaces)
      break
    }
    guard let (first, rest) = leadingNumber(s) else {
      if directionWords.contains(where: { lower.hasPrefix($0) }) {
        return CellReading(kind: .directional, status: status, reason: s)
      }
      return CellReading(kind: .unreadable, status: status, reason: "not a number or a known missing marker")
    }
    let tail = FastText.trim(rest)
    if tail.isEmpty { return CellReading(kind: .number, numbers: [first], status: status) }
    // Bracketed part: a second number (pair) or an aside.
    if tail.hasPrefix("(") {
      guard let close = tail.firstIndex(of: ")") else {
        return CellReading(kind: .unreadable, numbers: [], status: status, reason: "an opening bracket is never closed")
      }
      let inside = tail[tail.index(after: tail.startIndex)..<close].trimmingCharacters(in: .whitespaces)
      let after = tail[tail.index(after: close)...].trimmingCharacters(in: .whitespaces)
      let insideLower = inside.lowercased()
      if ["provisional", "prov", "p"].contains(insideLower) {
        return CellReading(kind: .number, numbers: [first], note: after.isEmpty ? nil : after, status: "provisional")
      }
      if let (second, r2) = leadingNumber(inside), r2.trimmingCharacters(in: .whitespaces).isEmpty, after.isEmpty {
        return CellReading(kind: .pair, numbers: [first, second], status: status)
      }
      if !looksLikeWords(inside) {
        return CellReading(kind: .unreadable, status: status, reason: "the bracketed part '\(inside)' is neither a number nor words")
      }
      let note = after.isEmpty ? inside : inside + " " + after
      return CellReading(kind: .number, numbers: [first], note: note, status: status)
    }
    // `83% - National average`, `6.3% South West average`, `2 CIC`: a number with an aside.
    var aside = Substring(tail)
    while let c = aside.first, c == "-" || c == "–" || c == "—" || c == ":" || c == "," || c == " " { aside = aside.dropFirst() }
    let asideText = String(aside)
    if asideText.isEmpty { return CellReading(kind: .number, numbers: [first], status: status) }
    guard looksLikeWords(asideText) else {
      return CellReading(kind: .unreadable, status: status, reason: "text after the number ('\(asideText)') is not words")
    }
    return CellReading(kind: .number, numbers: [first], note: asideText, status: status)
  }

  /// A leading number (`-14.50`, `2,720`, `64.00%`, `.5`) and the rest of the text.
  static func leadingNumber(_ s: String) -> (CellNumber, Substring)? {
    let scalars = Array(s.unicodeScalars)
    var i = 0
    if i < scalars.count, scalars[i] == "-" || scalars[i] == "+" { i += 1 }
    let digitsStart = i
    while i < scalars.count, CharacterSet.decimalDigits.contains(scalars[i]) || scalars[i] == "," || scalars[i] == "." {
      guard scalars[i].isASCII else { return nil }
      i += 1
    }
    guard i > digitsStart else { return nil }
    var numberEnd = i
    // A trailing separator belongs to the text (`5, 6`; `17.070.`).
    while numberEnd > digitsStart, scalars[numberEnd - 1] == "," || scalars[numberEnd - 1] == "." { numberEnd -= 1 }
    let numText = String(String.UnicodeScalarView(scalars[0..<numberEnd]))
    guard let v = ObservationReader.parseNumber(numText) else { return nil }
    var j = numberEnd
    var percent = false
    var k = j
    while k < scalars.count, scalars[k] == " " { k += 1 }
    if k < scalars.count, scalars[k] == "%" { percent = true; j = k + 1 }
    // A number glued to letters (`20.470a`, `1st`) is not a number.
    if !percent, j < scalars.count, CharacterSet.letters.contains(scalars[j]) { return nil }
    if numberEnd < i && !percent {
      // Trailing dots/commas were dropped; keep them in the rest so `17.070.` stays odd.
      j = numberEnd
    }
    let restScalars = String.UnicodeScalarView(scalars[j...])
    return (CellNumber(v, percentSign: percent), Substring(String(restScalars)))
  }

  /// At least one word of two or more letters and no run of digits glued to letters (OCR noise
  /// such as `1 10VISIOIIAI` is not words).
  static func looksLikeWords(_ s: String) -> Bool {
    var hasWord = false
    for token in s.split(whereSeparator: { $0 == " " || $0 == "/" || $0 == "-" }) {
      let letters = token.filter(\.isLetter).count
      let digits = token.filter(\.isNumber).count
      if letters > 0 && digits > 0 && !(token.hasSuffix("%") || token.lowercased().hasSuffix("th") || token.lowercased().hasSuffix("st")) {
        return false
      }
      if letters >= 2 { hasWord = true }
    }
    return hasWord
  }
}
