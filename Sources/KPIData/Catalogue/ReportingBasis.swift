import Foundation
import Yams

/// How a KPI's value accumulates over the financial year (DESIGN §2).
public enum ReportingBasis: String, Sendable, Codable, Equatable, Hashable, CaseIterable {
  case snapshot
  case latestQuarter = "latest-quarter"
  case yearToDate = "year-to-date"
  case rollingYear = "rolling-year"
  case annual
  case forecast

  /// Reads the scorecards' wording (`Snapshot`, `Latest Quarter`, `Quarterly`, `Year to Date` …).
  public static func parse(_ s: String) -> ReportingBasis? {
    let l = s.lowercased().trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "-")
    if let b = ReportingBasis(rawValue: l) { return b }
    switch l {
    case "quarterly", "latest-quarter", "quarter": return .latestQuarter
    case "ytd", "year-to-date": return .yearToDate
    case "rolling", "rolling-12-months": return .rollingYear
    default: return nil
    }
  }
}
