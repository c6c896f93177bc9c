import ArgumentParser
import Foundation
import KPIData
import KPIForecast
import KPIPlanning
import KPIReport

struct ScenariosCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "scenarios",
    abstract: "Workshop scenarios side by side per indicator: year-end forecast, interval, P(meet target), status, difference from baseline."
  )

  @OptionGroup var inputOptions: InputOptions
  @OptionGroup var planning: PlanningOptions

  @Option(help: "YAML file of named scenarios (see docs/PLANNING.md).")
  var scenarios: String

  @Flag(help: "Show every indicator, not only those a scenario changes.")
  var all = false

  @Option(help: "table | csv")
  var format: OutputFormat = .table

  @Option(help: "Write to this file (atomically) instead of standard output.")
  var output: String?

  func validate() throws {
    if format == .markdown || format == .json { throw ValidationError("scenarios supports --format table or csv") }
  }

  func run() throws {
    let list = try ScenarioFile.load(path: scenarios)
    let catalogue = try inputOptions.loadCatalogue()
    let set = try ObservationReader.read(path: inputOptions.input)
    let series = try SeriesBuilder.build(set, catalogue: catalogue)
    let forecasts = Forecaster.forecastAll(series, options: ForecastOptions(model: planning.model, horizon: .toYearEnd))
    let (results, notes) = ScenarioRunner.run(forecasts, scenarios: list, options: planning.yearEndOptions, includeUntouched: all)
    let text = format == .csv ? ScenariosRenderer.csv(results) : ScenariosRenderer.table(results, notes: notes)
    try OutputWriter.write(text, to: output)
    if format == .csv { for n in notes { FileHandle.standardError.write(Data("note: \(n)\n".utf8)) } }
    try Refusals.check(forecasts)
  }
}
