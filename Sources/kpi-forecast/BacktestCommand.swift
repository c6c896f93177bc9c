import ArgumentParser
import Foundation
import KPIData
import KPIForecast
import KPIReport

struct BacktestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backtest",
    abstract: "Rolling-origin accuracy per indicator and overall: MASE, sMAPE, interval coverage, Winkler score.",
    discussion: """
      INPUT is tidy observations, or a benchmark file in long format (series_id,period_index,value,split) \
      whose split=test rows are the holdout. MASE is scaled by the in-sample seasonal-naive error; \
      Winkler scores are divided by the same scale. Intervals of auto are calibrated from rolling-origin \
      errors inside each training window (pooled over the series); other models' are analytic.
      """
  )

  @OptionGroup var inputOptions: InputOptions

  @Option(help: "Periods held out after each origin (default: one seasonal cycle, 4 for quarterly).")
  var holdout: Int?

  @Option(help: "Forecast origins per series, the latest first.")
  var origins = 3

  @Option(help: "auto | regression | snaive | drift | ets | theta | snaive-avg")
  var model: ModelChoice = .auto

  @Option(help: "auto | none | log | log1p | logit | sqrt")
  var transform: TransformChoice = .auto

  @Option(name: .customLong("level"), help: "Interval level in percent; repeat for several (default 80 and 95).")
  var levels: [Double] = []

  @Option(help: "Seasonal period of a benchmark-format input.")
  var period = 4

  @Option(help: "table | csv")
  var format: OutputFormat = .table

  @Option(help: "Write to this file (atomically) instead of standard output.")
  var output: String?

  func validate() throws {
    if let h = holdout, h < 1 || h > 1000 { throw ValidationError("--holdout must be between 1 and 1000, got \(h)") }
    if origins < 1 || origins > 1000 { throw ValidationError("--origins must be between 1 and 1000, got \(origins)") }
    if period < 1 || period > 366 { throw ValidationError("--period must be between 1 and 366, got \(period)") }
    for l in levels where !(l > 0 && l < 100) { throw ValidationError("--level must be between 0 and 100 (exclusive), got \(l)") }
    if format != .table && format != .csv { throw ValidationError("backtest supports --format table or csv") }
  }

  func run() throws {
    let lv = levels.isEmpty ? [80, 95] : levels
    let path = inputOptions.input
    let records = try CSVReader().read(path: path)
    let cases: [BacktestCase]
    if let header = records.first, BenchmarkReader.isBenchmarkHeader(header.fields) {
      let data = try BenchmarkReader.read(path: path)
      cases = BacktestCases.benchmark(data, period: period, options: ForecastOptions(model: model, transform: .none))
      if holdout != nil || origins != 3 { note("benchmark input: the split=test rows are the holdout; --holdout and --origins ignored") }
    } else {
      let series = try SeriesBuilder.build(try ObservationReader.read(path: path), catalogue: try inputOptions.loadCatalogue())
      let h = holdout ?? (series.first.map { $0.frequency.seasonalPeriod } ?? 4)
      let built = BacktestCases.rollingOrigin(series, holdout: h, origins: origins, options: ForecastOptions(model: model, transform: transform))
      for n in built.notes { note(n) }
      cases = built.cases
    }
    guard !cases.isEmpty else { throw ValidationError("no series has enough values for a backtest (need at least 4 periods)") }
    note("backtest: \(cases.count) forecasts of \(Set(cases.map(\.group)).count) series, model \(model.rawValue)")
    let result = Backtest.run(cases, options: BacktestOptions(levels: lv, forecast: ForecastOptions(model: model, transform: transform)))
    let text = format == .csv ? BacktestRenderer.csv(result, levels: lv) : BacktestRenderer.table(result, levels: lv)
    try OutputWriter.write(text, to: output)
  }

  func note(_ s: String) { FileHandle.standardError.write(Data("note: \(s)\n".utf8)) }
}
