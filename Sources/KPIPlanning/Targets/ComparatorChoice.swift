import Foundation
import KPIData
import KPIForecast

/// Which comparator a target is held against (`--comparator`).
public enum ComparatorChoice: String, Sendable, CaseIterable {
  case england, region, neighbours
  case goodOutstanding = "good-outstanding"

  /// The geography kind this choice stands for.
  public var kind: GeographyKind {
    switch self {
    case .england: return .england
    case .region: return .region
    case .neighbours: return .neighbours
    case .goodOutstanding: return .goodOutstanding
    }
  }

  /// Whether a catalogue comparator name or an input geography belongs to this choice.
  public func matches(_ name: String) -> Bool { GeographyKind(name: name) == kind }
}
