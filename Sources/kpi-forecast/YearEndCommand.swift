import ArgumentParser
import Foundation
import KPIData
import KPIForecast
import KPIPlanning
import KPIReport

struct YearEndCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "year-end",
    abstract: "Year-end outturn per indicator under its reporting basis: interval, target, P(meet target), status and a drafted reason."
  )

  @OptionGroup var inputOptions: InputOptions
  @OptionGroup var planning: PlanningOptions

  @Option(help: "Financial year to report, e.g. 2023/24 or 2024 (default: each series' next year-end). A year the data already complete shows its actual outturn and status.")
  var year: String?

  @OptionGroup var out: OutputOptions<AnyTableFormat>

  func validate() throws {
    if let y = year, yearEnd == nil { throw ValidationError("--year '\(y)' is not a financial year (use 2023/24 or 2024)") }
  }

  /// The March that ends `--year`.
  var yearEnd: Period? {
    guard let y = year, let p = Period.parse(y), p.impliedFrequency == .annual else { return nil }
    return p.period
  }

  func run() throws {
    try out.checkDestination()
    let console = out.console()
    defer { console.finish() }
    let input = try inputOptions.load(console)
    let horizon: Horizon = yearEnd.map { .throughMarch(year: $0.year) } ?? .toYearEnd
    let forecasts = Forecaster.forecastAll(input.series, options: ForecastOptions(model: planning.model, horizon: horizon),
                                           progress: console.counter("forecasting", what: "series"))
    console.enter("year-end outturns")
    let outlooks = YearEndCalculator.outlooks(forecasts, options: planning.yearEndOptions, yearEnd: yearEnd)
    let text: String
    switch out.format {
    case .csv: text = YearEndRenderer.csv(outlooks)
    case .markdown: text = YearEndRenderer.markdown(outlooks)
    case .table: text = YearEndRenderer.table(outlooks)
    case .json: text = try YearEndRenderer.json(outlooks)
    }
    try out.write(text)
    if out.format != .table { console.notes(Notes.grouped(outlooks)) }
    try Refusals.check(forecasts)
  }
}
