import Foundation
import KPIData
import KPIStats

/// Averages over a set of cases: MASE over cases (as the M competitions), sMAPE, coverage and
/// scaled Winkler over points; coverage of sums over the cases that have one.
public struct BacktestSummary: Sendable {
  public var name: String
  public var cases: Int
  public var points: Int
  public var mase: Double
  public var smape: Double
  public var coverage: [Double]
  public var scaledWinkler: [Double]
  public var sumCoverage: [Double]
  public var sumCases: Int

  public init(name: String, scores: [CaseScore], levels: Int) {
    self.name = name
    cases = scores.count
    points = scores.reduce(0) { $0 + $1.points }
    mase = AccuracyMeasures.mean(scores.map(\.mase))
    let p = Double(max(points, 1))
    smape = scores.reduce(0) { $0 + $1.smapeSum } / p
    coverage = (0..<levels).map { l in Double(scores.reduce(0) { $0 + $1.covered[l] }) / p }
    scaledWinkler = (0..<levels).map { l in scores.reduce(0) { $0 + ($1.scaledWinklerSum[l].isFinite ? $1.scaledWinklerSum[l] : 0) } / p }
    let withSum = scores.filter { $0.sumCovered.first.map { $0 != nil } ?? false }
    sumCases = withSum.count
    sumCoverage = (0..<levels).map { l in
      Double(withSum.filter { $0.sumCovered[l] == true }.count) / Double(max(withSum.count, 1))
    }
  }
}
