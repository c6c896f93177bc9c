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
    let has = { (part: String) in n.utf8.firstRange(of: part.utf8) != nil }
    if Self.regions.contains(n) || has("region") || Self.regions.contains(where: { n.hasPrefix($0 + " ") }) {
      self = .region
    } else if n == "england" || has("england") || has("national") {
      self = .england
    } else if has("neighbour") || has("statistical") || n == "sn" {
      self = .neighbours
    } else if has("good") || has("outstanding") {
      self = .goodOutstanding
    } else {
      self = .authority
    }
  }

  /// A comparator rather than an authority.
  public var isAggregate: Bool { self != .authority }
}
