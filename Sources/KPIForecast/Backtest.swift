import Foundation
import KPIData
import KPIStats

/// One forecast-origin test: the series prepared at its origin exactly as the forecast command
/// prepares it (transform, catalogue prior, level shifts, catalogue model), and the data-scale
/// values needed to score it (training values for the MASE scale, the held-out actuals).
public struct BacktestCase: Sendable {
  public var id: String
  /// Indicator or benchmark group, for per-indicator summaries and pooling.
  public var group: String
  public var prepared: PreparedSeries
  public var trainData: [Double]
  public var actual: [Double]

  public init(id: String, group: String, prepared: PreparedSeries, trainData: [Double], actual: [Double]) {
    self.id = id
    self.group = group
    self.prepared = prepared
    self.trainData = trainData
    self.actual = actual
  }

  /// The model-scale input (for pooling experiments).
  public var model: ModelInput {
    get { prepared.model }
    set { prepared.model = newValue }
  }
}

public struct BacktestOptions: Sendable {
  public var levels: [Double]
  /// The engine's options (model, auto configuration, calibration on or off, inner origins).
  public var forecast: ForecastOptions
  /// Steps summed for the coverage of sums (a year-to-date-like total of the first steps).
  public var sumSteps: Int
  /// Joint paths per case for the sum's interval.
  public var sumDraws: Int

  public init(levels: [Double] = [80, 95], forecast: ForecastOptions = ForecastOptions(), sumSteps: Int = 4, sumDraws: Int = 2000) {
    self.levels = levels
    self.forecast = forecast
    self.sumSteps = sumSteps
    self.sumDraws = sumDraws
  }
}

/// Scores of one case (one series at one origin).
public struct CaseScore: Sendable {
  public var id: String
  public var group: String
  public var label: String
  /// Mean absolute scaled error over the steps (NaN when the in-sample scale is 0 or missing).
  public var mase: Double
  /// Sum of sAPE over scored points (mean = smapeSum / points).
  public var smapeSum: Double
  public var points: Int
  /// Points inside the interval, per level.
  public var covered: [Int]
  /// Whether each step's actual was inside the interval, per level (nil = actual missing).
  public var coveredByStep: [[Bool?]]
  /// Sum over points of the Winkler score divided by the MASE scale, per level.
  public var scaledWinklerSum: [Double]
  /// Whether the sum of the first ``BacktestOptions/sumSteps`` actuals was inside the interval
  /// read from joint paths, per level (nil when an actual is missing or the horizon is shorter).
  public var sumCovered: [Bool?]
  public var notes: [ForecastNote]
  public var warnings: [String] { notes.map(\.text) }
  /// How the intervals were made: the calibration used, or `analytic`.
  public var intervals: String {
    for n in notes { if case .intervals(let s) = n { return s } }
    return "analytic"
  }
}

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

public struct BacktestResult: Sendable {
  public var method: String
  public var scores: [CaseScore]
  public var overall: BacktestSummary
  /// Per group (indicator), in order of first appearance.
  public var byGroup: [BacktestSummary]
  public var seconds: Double
  /// How intervals were made (analytic, or the calibration used).
  public var intervals: String
}

public enum Backtest {
  /// Forecasts every case through the engine (``Forecaster/run(_:options:progress:)``: the
  /// shipped specification refitted at each origin, calibration pooled over the cases' own
  /// training data) and scores it against the held-out values.
  public static func run(_ cases: [BacktestCase], options: BacktestOptions = BacktestOptions()) -> BacktestResult {
    let start = DispatchTime.now().uptimeNanoseconds
    let (forecasts, calibration) = Forecaster.run(cases.map(\.prepared), options: options.forecast)
    let scores: [CaseScore] = Array(cases.indices).parallelMap { i in
      score(cases[i], forecast: forecasts[i], options: options, stream: i)
    }
    var order = [String]()
    var groups = [String: [CaseScore]]()
    for s in scores { if groups[s.group] == nil { order.append(s.group) }; groups[s.group, default: []].append(s) }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return BacktestResult(method: options.forecast.model.rawValue, scores: scores,
                          overall: BacktestSummary(name: "overall", scores: scores, levels: options.levels.count),
                          byGroup: order.map { BacktestSummary(name: $0, scores: groups[$0] ?? [], levels: options.levels.count) },
                          seconds: seconds, intervals: calibration?.describe() ?? "analytic")
  }

  /// Scores one case's forecast.
  public static func score(_ c: BacktestCase, forecast f: SeriesForecast, options: BacktestOptions, stream: Int) -> CaseScore {
    let levels = options.levels
    let h = min(c.actual.count, f.distributions.count)
    let scale = AccuracyMeasures.seasonalNaiveScale(c.trainData, period: c.prepared.model.input.period) ?? .nan
    var ase = 0.0, smape = 0.0, points = 0
    var covered = [Int](repeating: 0, count: levels.count)
    var byStep = [[Bool?]](repeating: [Bool?](repeating: nil, count: c.actual.count), count: levels.count)
    var winkler = [Double](repeating: 0, count: levels.count)
    for t in 0..<h where !c.actual[t].isNaN {
      let d = f.distributions[t]
      let y = c.actual[t], p = d.point
      ase += abs(y - p)
      smape += AccuracyMeasures.symmetricAPE(actual: y, forecast: p)
      points += 1
      for (l, level) in levels.enumerated() {
        let (lo, hi) = d.interval(level: level)
        let inside = AccuracyMeasures.covered(actual: y, lower: lo, upper: hi)
        if inside { covered[l] += 1 }
        byStep[l][t] = inside
        winkler[l] += AccuracyMeasures.winkler(actual: y, lower: lo, upper: hi, level: level) / scale
      }
    }
    var sumCovered = [Bool?](repeating: nil, count: levels.count)
    let k = options.sumSteps
    if k > 0, h >= k, c.actual.prefix(k).allSatisfy({ !$0.isNaN }) {
      let paths = f.samplePaths(steps: k, count: options.sumDraws, seed: SeededGenerator.streamSeed(20261202, stream))
      let sums = stride(from: 0, to: paths.count, by: k).map { i in paths[i..<(i + k)].reduce(0, +) }
      let d = Distribution.empirical(sums)
      let actualSum = c.actual.prefix(k).reduce(0, +)
      for (l, level) in levels.enumerated() {
        let a = (1 - level / 100) / 2
        sumCovered[l] = actualSum >= d.quantile(a) && actualSum <= d.quantile(1 - a)
      }
    }
    let mase = points > 0 && scale > 0 && scale.isFinite ? ase / Double(points) / scale : .nan
    return CaseScore(id: c.id, group: c.group, label: f.model, mase: mase, smapeSum: smape, points: points,
                     covered: covered, coveredByStep: byStep, scaledWinklerSum: winkler, sumCovered: sumCovered, notes: f.notes)
  }
}
