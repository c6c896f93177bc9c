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
  public init(name: String?) {
    guard let raw = name else { self = .authority; return }
    let n = raw.lowercased().replacingOccurrences(of: "_", with: " ").trimmingCharacters(in: .whitespaces)
    if Self.regions.contains(n) || n.contains("region") || Self.regions.contains(where: { n.hasPrefix($0 + " ") }) {
      self = .region
    } else if n == "england" || n.contains("england") || n.contains("national") {
      self = .england
    } else if n.contains("neighbour") || n.contains("statistical") || n == "sn" {
      self = .neighbours
    } else if n.contains("good") || n.contains("outstanding") {
      self = .goodOutstanding
    } else {
      self = .authority
    }
  }

  /// A comparator rather than an authority.
  public var isAggregate: Bool { self != .authority }
}
