import Foundation
@testable import KPIStats

/// Reference values written by notebooks-data/reference/ets_reference.R (R forecast 8.20).
enum ETSReferenceData {
  static let directory: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("notebooks-data/reference")

  /// Rows of a small unquoted CSV as dictionaries keyed by header.
  static func rows(_ name: String) throws -> [[String: String]] {
    let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    var lines = text.split(whereSeparator: \.isNewline).map(String.init)
    guard !lines.isEmpty else { return [] }
    let header = lines.removeFirst().split(separator: ",").map(String.init)
    return lines.map { line in
      let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      return Dictionary(uniqueKeysWithValues: zip(header, cells))
    }
  }


  /// Fixture series by name.
  static func series() throws -> [String: SeriesInput] {
    var values: [String: [Double]] = [:]
    var period: [String: Int] = [:]
    for r in try rows("ets_reference_series.csv") {
      let name = r["series"] ?? ""
      values[name, default: []].append(Double(r["value"] ?? "") ?? .nan)
      period[name] = Int(r["period"] ?? "") ?? 1
    }
    return values.reduce(into: [:]) { $0[$1.key] = SeriesInput(values: $1.value, period: period[$1.key] ?? 1) }
  }

  /// R's fixed-model results: series → model code → key → values by index.
  struct Fit {
    var scalars: [String: Double] = [:]
    var vectors: [String: [Int: Double]] = [:]
    func vector(_ key: String) -> [Double] {
      guard let v = vectors[key] else { return [] }
      return v.keys.sorted().compactMap { v[$0] }
    }
  }

  static func fits() throws -> [String: [String: Fit]] {
    var out: [String: [String: Fit]] = [:]
    for r in try rows("ets_reference_fits.csv") {
      guard let s = r["series"], let m = r["model"], let k = r["key"], let i = Int(r["index"] ?? ""),
            let v = Double(r["value"] ?? "") else { continue }
      if i == 0 { out[s, default: [:]][m, default: Fit()].scalars[k] = v }
      else { out[s, default: [:]][m, default: Fit()].vectors[k, default: [:]][i] = v }
    }
    return out
  }

  /// R state vector (ℓ, b, s₁ newest … s_m) → ETSStates (seasonal in time order from the next period).
  static func states(_ r: [Double], model: ETSModelType) -> ETSStates {
    var j = 0
    var s = ETSStates(level: r[j]); j += 1
    if model.trend != .none { s.trend = r[j]; j += 1 }
    if model.season != .none {
      let rs = Array(r[j...])
      s.seasonal = (0..<rs.count).map { rs[rs.count - 1 - $0] }
    }
    return s
  }

  static func relativeError(_ a: Double, _ b: Double) -> Double {
    abs(a - b) / max(abs(b), 1e-8)
  }
}
