import ArgumentParser
import Foundation
import KPIData
import KPIForecast
import KPIRecord
import KPIReport

struct ReviewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "review",
    abstract: "Scores the forecasts shown and targets agreed in a workshop record against the outturns now in INPUT."
  )

  @OptionGroup var inputOptions: InputOptions

  @Option(help: "SQLite file written by `kpi-forecast serve`.")
  var db: String

  @Option(help: "table | csv")
  var format: OutputFormat = .table

  @Option(help: "Write to this file (atomically) instead of standard output.")
  var output: String?

  func validate() throws {
    if format == .json || format == .markdown { throw ValidationError("review supports --format table or csv") }
  }

  func run() throws {
    let store = try RecordStore.openExisting(path: db)
    let catalogue = try inputOptions.loadCatalogue()
    let set = try ObservationReader.read(path: inputOptions.input)
    let series = try SeriesBuilder.build(set, catalogue: catalogue)
    let (v, d) = Review.score(vintages: try store.vintages(), decisions: try store.decisions(), series: series)
    let text = format == .csv ? ReviewRenderer.csv(vintages: v, decisions: d) : ReviewRenderer.table(vintages: v, decisions: d)
    try OutputWriter.write(text, to: output)
  }
}
