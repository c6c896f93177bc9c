extension ObservationReader {
  /// Bytes in the longest of ``missingMarkers``.
  static let longestMissingMarker = missingMarkers.map(\.utf8.count).max() ?? 0
  /// Whether any of ``missingMarkers`` holds a digit.
  static let missingMarkerHasDigit = missingMarkers.contains { $0.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } }

  /// Whether a value cell is one of ``missingMarkers`` (case-insensitive), decided on the bytes
  /// before lowercasing: a cell longer than the longest marker, or holding a digit when no
  /// marker does, is not one.
  static func isMissingMarker(_ s: String) -> Bool {
    let u = s.utf8
    guard u.count <= longestMissingMarker else { return false }
    if !missingMarkerHasDigit { for c in u where c >= 0x30 && c <= 0x39 { return false } }
    return missingMarkers.contains(s.lowercased())
  }
}

extension ObservationReader {
  /// Powers of ten exactly representable as a `Double`.
  static let exactPowersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { acc, _ in acc * 10 } }

  /// `-?digits[.digits]` with at most 15 digits in all, read on the bytes: the digits as an
  /// integer (exact below 2⁵³) divided by an exact power of ten, one correctly rounded
  /// operation, so the result equals `Double(text)` (Clinger's fast path). Nil for anything else.
  static func plainDecimal(_ s: String) -> Double? { plainDecimal(s.utf8) }

  /// ``plainDecimal(_:)-(String)`` on bytes (a cell read straight from a file).
  static func plainDecimal<C: Collection>(_ bytes: C) -> Double? where C.Element == UInt8 {
    var u = bytes[...]
    guard let f = u.first else { return nil }
    let negative = f == 0x2D
    if negative { u = u.dropFirst() }
    var mantissa: Int64 = 0, digits = 0, fraction = 0, seenPoint = false, digitsBeforePoint = 0
    for c in u {
      if c >= 0x30 && c <= 0x39 {
        mantissa = mantissa * 10 + Int64(c &- 0x30)
        digits += 1
        if seenPoint { fraction += 1 } else { digitsBeforePoint += 1 }
        if digits > 15 { return nil }
      } else if c == 0x2E && !seenPoint {
        seenPoint = true
      } else {
        return nil
      }
    }
    guard digitsBeforePoint > 0, !seenPoint || fraction > 0 else { return nil }
    let v = Double(mantissa) / exactPowersOfTen[fraction]
    return negative ? -v : v
  }
}
