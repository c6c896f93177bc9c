/// Native string helpers for the importer's hot paths (Foundation's NSString bridges are slow
/// on Linux: a scorecard has thousands of cells).
enum FastText {
  /// Trims Unicode whitespace and newlines from both ends.
  static func trim(_ s: String) -> String {
    guard let f = s.utf8.first, let l = s.utf8.last else { return s }
    // Fast path: nothing to trim.
    if f > 0x20 && f < 0x80 && l > 0x20 && l < 0x80 { return s }
    let u = s.unicodeScalars
    guard let start = u.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
    let end = u.lastIndex(where: { !$0.properties.isWhitespace }) ?? start
    return String(u[start...end])
  }

  static func trim(_ s: Substring) -> String { trim(String(s)) }

  /// Whether `s` holds any byte outside ASCII.
  static func hasNonASCII(_ s: String) -> Bool { s.utf8.contains { $0 >= 0x80 } }
}
