import Foundation

/// Reads the committed R reference files under `notebooks-data/reference/` (plain CSV, no quoting,
/// `NA` for missing), located from this file's path so tests run from any directory.
public enum ReferenceData {
  public static var directory: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("notebooks-data/reference")
  }

  /// Rows of `name` as dictionaries keyed by the header.
  public static func rows(_ name: String) throws -> [[String: String]] {
    let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    var lines = text.split(whereSeparator: \.isNewline).map(String.init)
    guard !lines.isEmpty else { return [] }
    let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    return lines.map { line in
      let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      var d = [String: String]()
      for (i, h) in header.enumerated() { d[h] = i < f.count ? f[i] : "" }
      return d
    }
  }

  /// `NA` (and empty) → nil.
  public static func number(_ s: String?) -> Double? {
    guard let s, s != "NA", !s.isEmpty else { return nil }
    return Double(s)
  }
}

/// |a − b| ≤ tol·|b| (plus a tiny absolute floor for reference values of exactly 0); returns the
/// relative deviation for reporting.
public func relativeDeviation(_ a: Double, _ b: Double) -> Double {
  if a == b { return 0 }
  return abs(a - b) / max(abs(b), 1e-300)
}

public func close(_ a: Double, _ b: Double, relative tol: Double) -> Bool {
  a == b || abs(a - b) <= tol * abs(b) + 1e-14
}

/// One fixed series of `regression_reference.R` with R's results for it.
public struct RegressionCase: Sendable {
  public var id: String
  public var unit: String
  public var frequency: String
  public var period: Int
  public var firstSeason: Int
  public var transform: String
  public var lower: Double?
  public var upper: Double?
  public var epsilon: Double?
  public var horizon: Int
  public var shifts: [Int]
  public var prior: [Double]
  public var priorWeight: Double?
  public var periods: [String]
  /// Data-scale values, NaN for a gap.
  public var values: [Double]
  /// R's coefficient names and values (nil = aliased, NA in R).
  public var termNames: [String]
  public var coefficients: [Double?]
  public var freeCoefficients: [Double]
  public var sigma: Double
  public var df: Int
  /// forecasts[scale][name][h-1], scale "model" or "data", name mean/lo80/hi80/lo95/hi95.
  public var forecasts: [String: [String: [Double]]]

  public static func loadAll() throws -> [RegressionCase] {
    let meta = try ReferenceData.rows("regression_meta.csv")
    let series = try ReferenceData.rows("regression_series.csv")
    let ref = try ReferenceData.rows("regression_reference.csv")
    return meta.map { m in
      let id = m["series"] ?? ""
      let s = series.filter { $0["series"] == id }
      let r = ref.filter { $0["series"] == id }
      func list(_ key: String) -> [String] { (m[key] ?? "").split(separator: ";").map(String.init) }
      var forecasts = [String: [String: [Double]]]()
      for row in r where row["kind"] == "model" || row["kind"] == "data" {
        forecasts[row["kind"] ?? "", default: [:]][row["name"] ?? "", default: []].append(ReferenceData.number(row["value"]) ?? .nan)
      }
      let coefs = r.filter { $0["kind"] == "coef" }
      let freq = m["frequency"] ?? "quarterly"
      return RegressionCase(
        id: id, unit: m["unit"] ?? "", frequency: freq, period: freq == "monthly" ? 12 : 4,
        firstSeason: Int(m["first_season"] ?? "") ?? 0, transform: m["transform"] ?? "none",
        lower: ReferenceData.number(m["lower"]), upper: ReferenceData.number(m["upper"]),
        epsilon: ReferenceData.number(m["epsilon"]), horizon: Int(m["horizon"] ?? "") ?? 0,
        shifts: list("shifts").compactMap { Int($0) }, prior: list("prior").compactMap { Double($0) },
        priorWeight: ReferenceData.number(m["prior_weight"]),
        periods: s.map { $0["period"] ?? "" }, values: s.map { ReferenceData.number($0["value"]) ?? .nan },
        termNames: coefs.map { $0["name"] ?? "" }, coefficients: coefs.map { ReferenceData.number($0["value"]) },
        freeCoefficients: r.filter { $0["kind"] == "free_coef" }.compactMap { ReferenceData.number($0["value"]) },
        sigma: ReferenceData.number(r.first { $0["kind"] == "sigma" }?["value"]) ?? .nan,
        df: Int(ReferenceData.number(r.first { $0["kind"] == "df" }?["value"]) ?? -1),
        forecasts: forecasts)
    }
  }
}
