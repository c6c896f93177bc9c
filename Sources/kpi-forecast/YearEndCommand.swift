import ArgumentParser
import Foundation
import KPIData
import KPIForecast
import KPIPlanning
import KPIReport

/// Options shared by the planning commands (year-end, targets, scenarios, demand).
struct PlanningOptions: ParsableArguments {
  @Option(help: "auto | regression | snaive | drift")
  var model: ModelChoice = .auto

  @Option(help: "Seed of the Monte Carlo draws (same seed, same output).")
  var seed: UInt64 = 1

  @Option(help: "Monte Carlo paths for outturns that add up several forecast periods.")
  var draws: Int = 20_000

  func validate() throws {
    if draws < 100 || draws > 10_000_000 { throw ValidationError("--draws must be between 100 and 10,000,000, got \(draws)") }
  }

  var yearEndOptions: YearEndOptions { YearEndOptions(draws: draws, seed: seed) }
}

struct YearEndCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "year-end",
    abstract: "Year-end outturn per indicator under its reporting basis: interval, target, P(meet target), status and a drafted reason."
  )

  @OptionGroup var inputOptions: InputOptions
  @OptionGroup var planning: PlanningOptions

  @Option(help: "Financial year to report, e.g. 2023/24 or 2024 (default: each series' next year-end). A year the data already complete shows its actual outturn and status.")
  var year: String?

  @Option(help: "table | csv | json | markdown")
  var format: OutputFormat = .table

  @Option(help: "Write to this file (atomically) instead of standard output.")
  var output: String?


  func run() throws {
    let catalogue = try inputOptions.loadCatalogue()
    let set = try ObservationReader.read(path: inputOptions.input)
    let series = try SeriesBuilder.build(set, catalogue: catalogue)
    var yearEnd: Period?
    if let y = year {
      guard let p = Period.parse(y), p.impliedFrequency == .annual else {
        throw ValidationError("--year '\(y)' is not a financial year (use 2023/24 or 2024)")
      }
      yearEnd = p.period
    }
    let horizon: Horizon = yearEnd.map { .throughMarch(year: $0.year) } ?? .toYearEnd
    let forecasts = Forecaster.forecastAll(series, options: ForecastOptions(model: planning.model, horizon: horizon))
    let outlooks = YearEndCalculator.outlooks(forecasts, options: planning.yearEndOptions, yearEnd: yearEnd)
    let text: String
    switch format {
    case .csv: text = YearEndRenderer.csv(outlooks)
    case .markdown: text = YearEndRenderer.markdown(outlooks)
    case .table: text = YearEndRenderer.table(outlooks)
    case .json: text = try YearEndRenderer.json(outlooks)
    }
    try OutputWriter.write(text, to: output)
    if format != .table {
      for n in Notes.grouped(outlooks) { FileHandle.standardError.write(Data("note: \(n)\n".utf8)) }
    }
    try Refusals.check(forecasts)
  }
}
