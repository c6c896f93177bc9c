import Foundation
import KPIData
import KPIStats

/// `--model auto` for the forecast command: the ``AutoConfiguration`` combination as a
/// ``ForecastModel``, with intervals calibrated by a pooled ``IntervalCalibration`` when one
/// is given (else the members' analytic spread, and a note saying so).
public struct AutoModel: ForecastModel {
  public var configuration: AutoConfiguration
  public var seasonalPrior: SeasonalPrior?
  public var calibration: IntervalCalibration?
  /// The transform that made the model scale (members then use additive forms, and calibrated
  /// intervals are centred on the median).
  public var transform: Transform
  var transformed: Bool { transform != .none }

  public init(configuration: AutoConfiguration = AutoConfiguration(), seasonalPrior: SeasonalPrior? = nil,
              calibration: IntervalCalibration? = nil, transform: Transform = .none) {
    self.configuration = configuration
    self.seasonalPrior = seasonalPrior
    self.calibration = calibration
    self.transform = transform
  }

  public struct Fitted: FittedForecastModel {
    public let label: String
    public let warnings: [String]
    public let fitted: [Double]
    let input: ModelInput
    let configuration: AutoConfiguration
    let calibration: IntervalCalibration?
    let transformed: Bool

    public func forecast(horizon: Int) -> [Distribution] {
      guard horizon > 0 else { return [] }
      guard let f = try? ModelSelection.autoForecast(input, horizon: horizon, configuration: configuration) else {
        return (try? SeasonalNaive().fit(input.input).forecast(horizon: horizon)) ?? []
      }
      if let calibration { return calibration.distributions(mean: f.mean, sd: f.sd, centreOnMedian: transformed) }
      return f.distributions
    }
  }

  public func fit(_ series: SeriesInput) throws -> Fitted {
    let input = ModelInput(input: series, transform: transform, seasonalPrior: seasonalPrior)
    // Fit once now so failures surface here and the label names the members used.
    let probe = try ModelSelection.autoForecast(input, horizon: 1, configuration: configuration)
    var warnings = probe.warnings
    warnings.append(calibration.map { "intervals \($0.describe())" } ?? "intervals analytic (too few rolling-origin errors to calibrate)")
    return Fitted(label: probe.label, warnings: warnings, fitted: [Double](repeating: .nan, count: series.values.count),
                  input: input, configuration: configuration, calibration: calibration, transformed: transformed)
  }

  /// Pools standardised inner rolling-origin errors over a batch of model inputs (in parallel)
  /// into one calibration, or `nil` when there are too few.
  public static func poolCalibration(_ inputs: [ModelInput], horizon: Int, origins: Int = 3,
                                     configuration: AutoConfiguration = AutoConfiguration(),
                                     progress: (@Sendable (Int) -> Void)? = nil) -> IntervalCalibration? {
    let box = ResultBox<[StandardisedError]>(count: inputs.count)
    DispatchQueue.concurrentPerform(iterations: inputs.count) { i in
      var m = inputs[i]
      m.etsStart = (try? ModelSelection.autoForecast(m, horizon: 1, configuration: configuration))?.etsFit
      let done = box.set(i, IntervalCalibration.standardisedErrors(m, horizon: horizon, origins: origins) {
        try ModelSelection.autoForecast($0, horizon: $1, configuration: configuration)
      })
      progress?(done)
    }
    return IntervalCalibration(errors: box.values.flatMap { $0 ?? [] })
  }
}

extension AutoModel {
  /// Most series a forecast run calibrates on (see ``batchCalibration(_:options:progress:)``).
  static let maximumCalibrationSeries = 1000

  /// Whether `auto` uses the combination for this series: at least two seasonal cycles of
  /// observations and no level shifts (interventions are modelled only by the regression, and
  /// below two cycles the catalogue-prior regression with 3 residual df is kept).
  static func applies(series: KPISeries, input: SeriesInput, options: ForecastOptions) -> Bool {
    options.levelShifts.isEmpty && (series.entry?.levelShifts ?? []).isEmpty && ModelSelection.usesCombination(ModelInput(input: input))
  }

  /// The pooled calibration for a forecast run: every series auto would model with the
  /// combination, prepared as ``Forecaster/forecast(_:options:)`` does, horizon one year (or the
  /// asked number of steps).
  static func batchCalibration(_ series: [KPISeries], options: ForecastOptions,
                               progress: (@Sendable (Int) -> Void)? = nil) -> IntervalCalibration? {
    var inputs = [ModelInput]()
    var horizon = 1
    for s in series {
      guard let t = try? TransformPolicy.choose(options.transform, for: s) else { continue }
      var v = s.values
      while let l = v.last, l.isNaN, v.count > 1 { v.removeLast() }
      let input = SeriesInput(values: v.map { $0.isNaN ? .nan : t.forward($0) }, period: s.frequency.seasonalPeriod, firstSeason: s.firstSeason)
      guard applies(series: s, input: input, options: options) else { continue }
      var ignored = [String]()  // the forecast itself reports prior problems
      inputs.append(ModelInput(input: input, transform: t, seasonalPrior: Forecaster.seasonalPrior(for: s, input: input, transform: t, warnings: &ignored)))
      switch options.horizon {
      case .steps(let n): horizon = max(horizon, n)
      case .toYearEnd: horizon = max(horizon, input.period)
      }
    }
    // The pooled error distribution is well estimated from a thousand series; larger batches
    // calibrate on an evenly spaced (deterministic) sample of them.
    if inputs.count > maximumCalibrationSeries {
      let k = inputs.count
      inputs = (0..<maximumCalibrationSeries).map { inputs[$0 * k / maximumCalibrationSeries] }
    }
    // Series not used for calibration still count as done for progress.
    let skipped = series.count - inputs.count
    guard !inputs.isEmpty else { progress?(series.count); return nil }
    var phase: (@Sendable (Int) -> Void)? = nil
    if let p = progress { phase = { @Sendable done in p(skipped + done) } }
    return poolCalibration(inputs, horizon: horizon, progress: phase)
  }
}
