import Foundation
import KPIStats

/// One forecast-origin test: the training part on the model scale, and the data-scale values
/// needed to score it (training values for the MASE scale, the held-out actuals).
public struct BacktestCase: Sendable {
  public var id: String
  /// Indicator or benchmark group, for per-indicator summaries and pooling.
  public var group: String
  public var model: ModelInput
  public var trainData: [Double]
  public var actual: [Double]

  public init(id: String, group: String, model: ModelInput, trainData: [Double], actual: [Double]) {
    self.id = id
    self.group = group
    self.model = model
    self.trainData = trainData
    self.actual = actual
  }
}

/// What a backtest evaluates: one family, or auto.
public enum BacktestMethod: Sendable {
  case family(ModelFamily)
  case auto(AutoConfiguration)

  public var name: String {
    switch self {
    case .family(let f): return f.rawValue
    case .auto: return "auto"
    }
  }

  /// Whether calibration applies to a series: a family always (when asked), auto only where it
  /// combines models — as the forecast command, whose auto keeps the regression's analytic
  /// intervals for the series it does not combine.
  public func calibrates(_ m: ModelInput) -> Bool {
    switch self {
    case .family: return true
    case .auto: return ModelSelection.usesCombination(m)
    }
  }

  /// The forecast function on the model scale (analytic spread).
  public func forecast(_ m: ModelInput, horizon: Int) throws -> ModelForecast {
    switch self {
    case .family(let f): return try ModelSelection.forecast(f, m, horizon: horizon)
    case .auto(let c): return try ModelSelection.autoForecast(m, horizon: horizon, configuration: c)
    }
  }
}

public struct BacktestOptions: Sendable {
  public var levels: [Double]
  /// Calibrate intervals from inner rolling-origin errors pooled over the run's series.
  public var calibrate: Bool
  /// Inner origins per series for calibration.
  public var calibrationOrigins: Int

  public init(levels: [Double] = [80, 95], calibrate: Bool = true, calibrationOrigins: Int = 3) {
    self.levels = levels
    self.calibrate = calibrate
    self.calibrationOrigins = calibrationOrigins
  }
}

/// Scores of one case (one series at one origin).
public struct CaseScore: Sendable {
  public var id: String
  public var group: String
  public var label: String
  public var intervals: String
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
  public var warnings: [String]
}

/// Averages over a set of cases: MASE over cases (as the M competitions), sMAPE, coverage and
/// scaled Winkler over points.
public struct BacktestSummary: Sendable {
  public var name: String
  public var cases: Int
  public var points: Int
  public var mase: Double
  public var smape: Double
  public var coverage: [Double]
  public var scaledWinkler: [Double]

  public init(name: String, scores: [CaseScore], levels: Int) {
    self.name = name
    cases = scores.count
    points = scores.reduce(0) { $0 + $1.points }
    mase = AccuracyMeasures.mean(scores.map(\.mase))
    let p = Double(max(points, 1))
    smape = scores.reduce(0) { $0 + $1.smapeSum } / p
    coverage = (0..<levels).map { l in Double(scores.reduce(0) { $0 + $1.covered[l] }) / p }
    scaledWinkler = (0..<levels).map { l in scores.reduce(0) { $0 + ($1.scaledWinklerSum[l].isFinite ? $1.scaledWinklerSum[l] : 0) } / p }
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
  /// Evaluates `method` on every case, series in parallel. A case whose model fails falls back
  /// to seasonal naive (named in its warnings), so every case is scored.
  public static func run(_ cases: [BacktestCase], method: BacktestMethod, options: BacktestOptions = BacktestOptions()) -> BacktestResult {
    let start = DispatchTime.now().uptimeNanoseconds
    // One parallel pass: each series' forecast and, for calibration, its inner rolling-origin
    // errors (the ETS form chosen on all the training data re-fitted at each inner origin).
    let first = ResultBox<(ModelForecast, [StandardisedError], [String])>(count: cases.count)
    DispatchQueue.concurrentPerform(iterations: cases.count) { i in
      let c = cases[i]
      let h = c.actual.count
      var warnings = [String]()
      let f: ModelForecast
      do { f = try method.forecast(c.model, horizon: h) } catch {
        warnings.append("\(method.name) failed (\(error)); seasonal naive used")
        f = (try? ModelSelection.forecast(.snaive, c.model, horizon: h))
          ?? ModelForecast(label: "none", warnings: [], mean: [Double](repeating: .nan, count: h), sd: [Double](repeating: .nan, count: h),
                           distributions: [Distribution](repeating: .normal(mean: .nan, sd: 0), count: h), intervals: "none")
      }
      var z = [StandardisedError]()
      if options.calibrate && method.calibrates(c.model) {
        var inner = c.model
        inner.etsStart = f.etsFit
        z = IntervalCalibration.standardisedErrors(inner, horizon: h, origins: options.calibrationOrigins) {
          try method.forecast($0, horizon: $1)
        }
      }
      first.set(i, (f, z, warnings))
    }
    let computed = first.values
    let calibration = options.calibrate ? IntervalCalibration(errors: computed.flatMap { $0?.1 ?? [] }) : nil
    let box = ResultBox<CaseScore>(count: cases.count)
    DispatchQueue.concurrentPerform(iterations: cases.count) { i in
      guard let (f, _, w) = computed[i] else { return }
      let cal = method.calibrates(cases[i].model) ? calibration : nil
      box.set(i, score(cases[i], forecast: f, warnings: w, calibration: cal, levels: options.levels))
    }
    let scores = box.values.compactMap { $0 }
    var order = [String]()
    var groups = [String: [CaseScore]]()
    for s in scores { if groups[s.group] == nil { order.append(s.group) }; groups[s.group, default: []].append(s) }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return BacktestResult(method: method.name, scores: scores,
                          overall: BacktestSummary(name: "overall", scores: scores, levels: options.levels.count),
                          byGroup: order.map { BacktestSummary(name: $0, scores: groups[$0] ?? [], levels: options.levels.count) },
                          seconds: seconds, intervals: calibration?.describe() ?? "analytic")
  }

  /// Scores one case's forecast (calibrated first when a calibration is given).
  public static func score(_ c: BacktestCase, forecast: ModelForecast, warnings: [String], calibration: IntervalCalibration?, levels: [Double]) -> CaseScore {
    let h = c.actual.count
    var f = forecast
    if let calibration {
      f.distributions = calibration.distributions(mean: f.mean, sd: f.sd, centreOnMedian: c.model.transform != .none)
      f.intervals = calibration.describe()
    }
    let scale = AccuracyMeasures.seasonalNaiveScale(c.trainData, period: c.model.input.period) ?? .nan
    var ase = 0.0, smape = 0.0, points = 0
    var covered = [Int](repeating: 0, count: levels.count)
    var byStep = [[Bool?]](repeating: [Bool?](repeating: nil, count: h), count: levels.count)
    var winkler = [Double](repeating: 0, count: levels.count)
    for t in 0..<h where !c.actual[t].isNaN {
      let d = ForecastDistribution(base: f.distributions[t], transform: c.model.transform)
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
    let mase = points > 0 && scale > 0 && scale.isFinite ? ase / Double(points) / scale : .nan
    let label = c.model.transform == .none ? f.label : "\(f.label) \(c.model.transform.name)"
    return CaseScore(id: c.id, group: c.group, label: label, intervals: f.intervals, mase: mase, smapeSum: smape, points: points,
                     covered: covered, coveredByStep: byStep, scaledWinklerSum: winkler, warnings: warnings + f.warnings)
  }
}
