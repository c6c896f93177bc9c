import ArgumentParser
import Foundation
import KPIData
import KPIForecast
import KPIReport
import KPIStats

struct ForecastCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "forecast",
    abstract: "Forecast each indicator with prediction intervals (default: to the financial year-end)."
  )

  @OptionGroup var inputOptions: InputOptions

  @Option(parsing: .unconditional, help: "Periods ahead to forecast (1 to 1000).")
  var horizon: Int?

  @Flag(name: .customLong("to-year-end"), help: "Forecast through the next March (the default when --horizon is not given).")
  var toYearEnd = false

  @Option(name: .customLong("level"), parsing: .unconditionalSingleValue,
          help: "Interval level in percent, above 0 and below 100; repeat for several (default 80 and 95).")
  var levels: [Double] = []

  @Option(help: "Forecasting model.")
  var model: ModelChoice = .auto

  @Option(help: "Transform of the values before fitting.")
  var transform: TransformChoice = .auto

  @Option(name: .customLong("level-shift"), help: "A period from which every series' level may shift (repeatable).")
  var levelShifts: [String] = []

  @OptionGroup var out: OutputOptions<TableCSVOrJSON>

  func validate() throws {
    if let h = horizon, h < 1 || h > 1000 { throw ValidationError("--horizon must be between 1 and 1000, got \(h)") }
    if horizon != nil && toYearEnd { throw ValidationError("give either --horizon or --to-year-end, not both") }
    try Usage.checkLevels(levels)
    for s in levelShifts where Period.parse(s) == nil { throw ValidationError("--level-shift '\(s)' is not a period (e.g. 2023-06 or 2023/24 Q1)") }
  }

  /// Series forecast and written at a time by `--format csv`.
  static let writeChunk = 20_000

  func run() throws {
    try out.checkDestination()
    let console = out.console()
    defer { console.finish() }
    var input = try inputOptions.load(console)
    let geo = input.set.hasGeography
    input.set.releaseRows()  // the series hold the values now: the rows' memory is freed before fitting
    let lv = levels.isEmpty ? [80, 95] : levels
    let options = ForecastOptions(model: model, transform: transform, horizon: horizon.map { .steps($0) } ?? .toYearEnd,
                                  levels: lv, levelShifts: levelShifts.compactMap { Period.parse($0)?.period })
    let progress = console.counter("forecasting", what: "series")
    let forecasts: [SeriesForecast]
    switch out.format {
    case .csv:
      // Rows are rendered where each series is forecast and written chunk by chunk (a national
      // batch never holds every band at once; the bytes are one whole-batch write's); only each
      // series' notes are kept.
      let stream = try out.stream()
      try stream.append(ForecastRenderer.csvHeader(levels: lv, withGeography: geo))
      var kept = [SeriesForecast]()
      kept.reserveCapacity(input.series.count)
      try Forecaster.forecastAll(input.series, options: options, chunk: Self.writeChunk, progress: progress,
                                 each: { f in (rows: ForecastRenderer.csvRows(f, levels: lv, withGeography: geo), kept: f.stripped) }) { part in
        var bytes = [UInt8]()
        bytes.reserveCapacity(part.reduce(0) { $0 + $1.rows.count })
        for p in part { bytes += p.rows; kept.append(p.kept) }
        try stream.append(bytes)
      }
      try stream.finish()
      forecasts = kept
    case .table:
      forecasts = Forecaster.forecastAll(input.series, options: options, progress: progress)
      console.enter("writing")
      try out.write(ForecastRenderer.table(forecasts, levels: lv, withGeography: geo))
    case .json:
      forecasts = Forecaster.forecastAll(input.series, options: options, progress: progress)
      console.enter("writing")
      try out.write(try ForecastRenderer.json(forecasts, levels: lv))
    }
    if out.format != .table { console.notes(Notes.grouped(forecasts)) }
    try Refusals.check(forecasts)
  }
}
