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
