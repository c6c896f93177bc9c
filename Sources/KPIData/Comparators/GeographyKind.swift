import Foundation

/// What a geography or comparator name stands for: the authority itself or one of the
/// comparator kinds (DESIGN §2). The one rule for "is this an aggregate", used by every command.
public enum GeographyKind: Sendable, Equatable, CaseIterable {
  case authority, england, region, neighbours, goodOutstanding

  /// The nine English regions (and London's halves), as DfE names them.
  public static let regions: Set<String> = [
    "north east", "north west", "yorkshire and the humber", "yorkshire and humber", "east midlands", "west midlands",
    "east of england", "london", "inner london", "outer london", "south east", "south west",
  ]

  /// Classifies a geography column value or a catalogue comparator name (`England`, `South West`,
  /// `statistical_neighbours`, `good_outstanding`, `region_average` …); nil is the authority.
  ///
  /// Standard-library string work only: a national batch classifies its geographies for every
  /// series and comparator, and Foundation's bridged searches made that most of `targets`' time.
  public init(name: String?) {
    guard let raw = name else { self = .authority; return }
    var bytes = Array(raw.lowercased().utf8)
    for i in bytes.indices where bytes[i] == UInt8(ascii: "_") { bytes[i] = UInt8(ascii: " ") }
    let blank = { (b: UInt8) in b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") }
    var lo = 0, hi = bytes.count
    while lo < hi && blank(bytes[lo]) { lo += 1 }
    while hi > lo && blank(bytes[hi - 1]) { hi -= 1 }
    let n = String(decoding: bytes[lo..<hi], as: UTF8.self)
    let t = bytes[lo..<hi]
    let has = { (part: [UInt8]) in Self.contains(t, part) }
    if Self.regions.contains(n) || has(Self.regionBytes) || Self.regionPrefixes.contains(where: { t.starts(with: $0) }) {
      self = .region
    } else if n == "england" || has(Self.englandBytes) || has(Self.national) {
      self = .england
    } else if has(Self.neighbour) || has(Self.statistical) || n == "sn" {
      self = .neighbours
    } else if has(Self.good) || has(Self.outstanding) {
      self = .goodOutstanding
    } else {
      self = .authority
    }
  }

  private static let regionPrefixes = regions.map { Array(($0 + " ").utf8) }
  private static let regionBytes = Array("region".utf8), englandBytes = Array("england".utf8), national = Array("national".utf8)
  private static let neighbour = Array("neighbour".utf8), statistical = Array("statistical".utf8)
  private static let good = Array("good".utf8), outstanding = Array("outstanding".utf8)

  /// Whether `text` contains `part` (bytes; both lowercased). A plain loop: the standard
  /// library's generic `firstRange` costs a metadata look-up per call, and a national batch
  /// classifies every series.
  static func contains(_ text: ArraySlice<UInt8>, _ part: [UInt8]) -> Bool {
    guard let first = part.first else { return true }
    guard text.count >= part.count else { return false }
    var start = text.startIndex
    let last = text.endIndex - part.count
    while start <= last {
      if text[start] == first {
        var k = 1
        while k < part.count && text[start + k] == part[k] { k += 1 }
        if k == part.count { return true }
      }
      start += 1
    }
    return false
  }

  /// A comparator rather than an authority.
  public var isAggregate: Bool { self != .authority }
}
