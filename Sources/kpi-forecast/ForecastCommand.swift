import ArgumentParser
import Foundation
import KPIData
import KPIForecast
import KPIReport
import KPIStats

extension ModelChoice: ExpressibleByArgument {}
extension TransformChoice: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}

/// Options shared by commands that read observations and the catalogue.
struct InputOptions: ParsableArguments {
  @Argument(help: "Tidy observations CSV (indicator,period,value[,geography,status,unit,polarity]).")
  var input: String

  @Option(name: .long, help: "Folder of KPI catalogue YAML files (default: ./models if it exists).")
  var catalogue: String?

  /// Loads the catalogue (explicit folder, else ./models when present, else empty).
  func loadCatalogue() throws -> Catalogue { try loadCatalogueOption(catalogue) }
}

/// The `--catalogue` rule shared by every command: the folder given, else ./models when it
/// exists, else an empty catalogue (indicators then get neutral defaults, and the output says so).
func loadCatalogueOption(_ folder: String?) throws -> Catalogue {
  if let folder { return try Catalogue.load(directory: folder) }
  var isDir: ObjCBool = false
  if FileManager.default.fileExists(atPath: "models", isDirectory: &isDir), isDir.boolValue {
    return try Catalogue.load(directory: "models")
  }
  return Catalogue()
}

struct ForecastCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "forecast",
    abstract: "Forecast each indicator with prediction intervals (default: to the financial year-end)."
  )

  @OptionGroup var inputOptions: InputOptions

  @Option(help: "Periods ahead to forecast.")
  var horizon: Int?

  @Flag(name: .customLong("to-year-end"), help: "Forecast through the next March (the default when --horizon is not given).")
  var toYearEnd = false

  @Option(name: .customLong("level"), help: "Interval level in percent; repeat for several (default 80 and 95).")
  var levels: [Double] = []

  @Option(help: "auto | regression | snaive | drift")
  var model: ModelChoice = .auto

  @Option(help: "auto | none | log | log1p | logit | sqrt")
  var transform: TransformChoice = .auto

  @Option(name: .customLong("level-shift"), help: "A period from which every series' level may shift (repeatable).")
  var levelShifts: [String] = []

  @Option(help: "table | csv | json")
  var format: OutputFormat = .table

  @Option(help: "Write to this file (atomically) instead of standard output.")
  var output: String?

  func validate() throws {
    if let h = horizon, h < 1 || h > 1000 { throw ValidationError("--horizon must be between 1 and 1000, got \(h)") }
    if horizon != nil && toYearEnd { throw ValidationError("give either --horizon or --to-year-end, not both") }
    for l in levels where !(l > 0 && l < 100) { throw ValidationError("--level must be between 0 and 100 (exclusive), got \(l)") }
    if format == .markdown { throw ValidationError("forecast supports --format table, csv or json") }
    for s in levelShifts where Period.parse(s) == nil { throw ValidationError("--level-shift '\(s)' is not a period") }
  }

  func run() throws {
    let catalogue = try inputOptions.loadCatalogue()
    var set = try ObservationReader.read(path: inputOptions.input)
    let series = try SeriesBuilder.build(set, catalogue: catalogue)
    set.observations = []  // the series hold the values now: the rows' memory is freed before fitting
    let lv = levels.isEmpty ? [80, 95] : levels
    let options = ForecastOptions(model: model, transform: transform, horizon: horizon.map { .steps($0) } ?? .toYearEnd,
                                  levels: lv, levelShifts: levelShifts.compactMap { Period.parse($0)?.period })
    let forecasts = Forecaster.forecastAll(series, options: options, progress: Progress.reporter(total: series.count, what: "series"))
    switch format {
    case .csv, .markdown: try OutputWriter.write(chunks: ForecastRenderer.csvChunks(forecasts, levels: lv, withGeography: set.hasGeography), to: output)
    case .table: try OutputWriter.write(ForecastRenderer.table(forecasts, levels: lv, withGeography: set.hasGeography), to: output)
    case .json: try OutputWriter.write(try ForecastRenderer.json(forecasts, levels: lv), to: output)
    }
    if format != .table {
      for n in Notes.grouped(forecasts) { FileHandle.standardError.write(Data("note: \(n)\n".utf8)) }
    }
    try Refusals.check(forecasts)
  }
}

/// Series the engine did not forecast because the user's own option cannot be honoured for
/// them: every other series is written; each refused one is named on stderr and the run exits 1.
enum Refusals: Error, CustomStringConvertible {
  case some(Int, of: Int)

  static func check(_ forecasts: [SeriesForecast]) throws {
    let refused = forecasts.filter { $0.refusal != nil }
    guard !refused.isEmpty else { return }
    for f in refused { FileHandle.standardError.write(Data("error: \(f.refusal.map { "\($0)" } ?? "")\n".utf8)) }
    throw Refusals.some(refused.count, of: forecasts.count)
  }

  var description: String {
    switch self {
    case .some(let n, let total): return "\(n) of \(total) series not forecast (named above); the other \(total - n) were written"
    }
  }
}

/// Progress on standard error for long batches: a line every 10% when there are many series.
enum Progress {
  static func reporter(total: Int, what: String) -> (@Sendable (Int, Int) -> Void)? {
    guard total >= 1000 else { return nil }
    let step = max(total / 10, 1)
    return { done, total in
      if done % step == 0 || done == total {
        FileHandle.standardError.write(Data("progress: \(done)/\(total) \(what) (\(done * 100 / total)%)\n".utf8))
      }
    }
  }
}
