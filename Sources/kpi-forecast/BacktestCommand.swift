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

  @Option(parsing: .unconditional, help: "Periods held out after each origin, 1 to 1000 (default: one seasonal cycle, 4 for quarterly).")
  var holdout: Int?

  @Option(parsing: .unconditional, help: "Forecast origins per series, the latest first (1 to 1000).")
  var origins = 3

  @Option(help: "Forecasting model.")
  var model: ModelChoice = .auto

  @Option(help: "Transform of the values before fitting.")
  var transform: TransformChoice = .auto

  @Option(name: .customLong("level"), parsing: .unconditionalSingleValue,
          help: "Interval level in percent, above 0 and below 100; repeat for several (default 80 and 95).")
  var levels: [Double] = []

  @Option(parsing: .unconditional, help: "Seasonal period of a benchmark-format input (1 to 366).")
  var period = 4

  @OptionGroup var out: OutputOptions<TableOrCSV>

  func validate() throws {
    if let h = holdout, h < 1 || h > 1000 { throw ValidationError("--holdout must be between 1 and 1000, got \(h)") }
    if origins < 1 || origins > 1000 { throw ValidationError("--origins must be between 1 and 1000, got \(origins)") }
    if period < 1 || period > 366 { throw ValidationError("--period must be between 1 and 366, got \(period)") }
    try Usage.checkLevels(levels)
  }

  func run() throws {
    try out.checkDestination()
    let console = out.console()
    defer { console.finish() }
    let lv = levels.isEmpty ? [80, 95] : levels
    let records = try inputOptions.records(console)
    let cases: [BacktestCase]
    if let header = records.first, BenchmarkReader.isBenchmarkHeader(header.fields) {
      let data = try BenchmarkReader.parse(records: Array(records), file: inputOptions.inputName)
      cases = BacktestCases.benchmark(data, period: period, options: ForecastOptions(model: model, transform: .none))
      if holdout != nil || origins != 3 { console.note("benchmark input: the split=test rows are the holdout; --holdout and --origins ignored") }
    } else {
      let series = try inputOptions.load(records: records, console).series
      let h = holdout ?? (series.first.map { $0.frequency.seasonalPeriod } ?? 4)
      let built = BacktestCases.rollingOrigin(series, holdout: h, origins: origins, options: ForecastOptions(model: model, transform: transform))
      console.notes(built.notes)
      cases = built.cases
    }
    guard !cases.isEmpty else {
      throw DataError.invalid(InputLocation(file: inputOptions.inputName),
                              message: "no series has enough values for a backtest (each needs at least 4 periods before the holdout)")
    }
    console.note("backtest: \(cases.count) forecasts of \(Set(cases.map(\.group)).count) series, model \(model.rawValue)")
    console.enter("backtesting \(cases.count) forecasts")
    let result = Backtest.run(cases, options: BacktestOptions(levels: lv, forecast: ForecastOptions(model: model, transform: transform)))
    let text = out.format == .csv ? BacktestRenderer.csv(result, levels: lv) : BacktestRenderer.table(result, levels: lv)
    try out.write(text)
  }
}
