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

  @Option(help: "auto | regression | ets | theta | snaive | snaive-avg | drift")
  var model: ModelChoice = .auto

  @Option(help: "Page title.")
  var title = "KPI forecasts to the financial year-end"

  @Option(help: "Write the HTML here (atomically) instead of standard output.")
  var output: String?

  func run() throws {
    let catalogue = try inputOptions.loadCatalogue()
    let set = try ObservationReader.read(path: inputOptions.input)
    let series = try SeriesBuilder.build(set, catalogue: catalogue)
    let forecasts = Forecaster.forecastAll(series, options: ForecastOptions(model: model),
                                               progress: Progress.reporter(total: series.count, what: "series"))
    try OutputWriter.write(HTMLReport.render(forecasts, title: title), to: output)
    try Refusals.check(forecasts)
  }
}
