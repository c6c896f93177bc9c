import ArgumentParser
import Foundation
import KPIData
import KPIForecast
import KPIReport

struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "A self-contained HTML page of fan charts: history, forecast, 80%/95% bands and target, per indicator."
  )

  @OptionGroup var inputOptions: InputOptions

  @Option(help: "Forecasting model.")
  var model: ModelChoice = .auto

  @Option(help: "Page title.")
  var title = "KPI forecasts to the financial year-end"

  @OptionGroup var out: OutputOptions<HTMLPage>

  func run() throws {
    try out.checkDestination()
    let console = out.console()
    defer { console.finish() }
    let input = try inputOptions.load(console)
    let forecasts = Forecaster.forecastAll(input.series, options: ForecastOptions(model: model),
                                           progress: console.counter("forecasting", what: "series"))
    console.enter("writing")
    try out.write(HTMLReport.render(forecasts, title: title))
    console.notes(Notes.grouped(forecasts))
    try Refusals.check(forecasts)
  }
}
