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


  /// A file of the shared data: `<repo root>/../shared/data` (where CI has it), or two levels up
  /// for a git worktree under `wt/`. Throws (the test fails, it is not skipped) when absent.
  static func sharedData(_ relative: String) throws -> URL {
    let root = directory.deletingLastPathComponent().deletingLastPathComponent()
    for base in [root.deletingLastPathComponent(), root.deletingLastPathComponent().deletingLastPathComponent()] {
      let u = base.appendingPathComponent("shared/data").appendingPathComponent(relative)
      if FileManager.default.fileExists(atPath: u.path) { return u }
    }
    throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "../shared/data/" + relative])
  }

  /// Fixture series by name, plus the tourism training series the R script names but does not
  /// copy (read from the shared data's benchmarks/tourism_quarterly.csv).
  static func series() throws -> [String: SeriesInput] { try cachedSeries.get() }

  private static let cachedSeries = Result { try loadSeries() }

  private static func loadSeries() throws -> [String: SeriesInput] {
    var values: [String: [Double]] = [:]
    var period: [String: Int] = [:]
    for r in try rows("ets_reference_series.csv") {
      let name = r["series"] ?? ""
      values[name, default: []].append(Double(r["value"] ?? "") ?? .nan)
      period[name] = Int(r["period"] ?? "") ?? 1
    }
    var out = values.reduce(into: [String: SeriesInput]()) {
      $0[$1.key] = SeriesInput(values: $1.value, period: period[$1.key] ?? 1)
    }
    let text = try String(contentsOf: sharedData("benchmarks/tourism_quarterly.csv"), encoding: .utf8)
    var tourism: [String: [(Int, Double)]] = [:]
    for line in text.split(whereSeparator: \.isNewline).dropFirst() {
      let f = line.split(separator: ",")
      guard f.count >= 4, f[3] == "train", let t = Int(f[1]), let v = Double(f[2]) else { continue }
      tourism[String(f[0]), default: []].append((t, v))
    }
    for (id, v) in tourism where out[id] == nil {
      out[id] = SeriesInput(values: v.sorted { $0.0 < $1.0 }.map(\.1), period: 4)
    }
    return out
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
