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

  @OptionGroup var out: OutputOptions<TableOrCSV>

  func run() throws {
    try out.checkDestination()
    let console = out.console()
    defer { console.finish() }
    let document = try ScenarioFile.read(path: scenarios)
    let input = try inputOptions.load(console)
    try document.requireIndicators(in: Set(input.series.map(\.key.indicator)), input: inputOptions.inputName)
    let forecasts = Forecaster.forecastAll(input.series, options: ForecastOptions(model: planning.model, horizon: .toYearEnd),
                                           progress: console.counter("forecasting", what: "series"))
    console.enter("simulating scenarios")
    // A file that changes nothing (a baseline only) shows every indicator rather than nothing.
    let changesNothing = document.scenarios.allSatisfy(\.isBaseline)
    if changesNothing && !all { console.note("\(document.file): no scenario changes an indicator; every indicator is shown at its baseline") }
    let (results, notes) = ScenarioRunner.run(forecasts, scenarios: document.scenarios, options: planning.yearEndOptions,
                                              includeUntouched: all || changesNothing)
    let text = out.format == .csv ? ScenariosRenderer.csv(results) : ScenariosRenderer.table(results, notes: notes)
    try out.write(text)
    if out.format == .csv { console.notes(notes) }
    try Refusals.check(forecasts)
  }
}
