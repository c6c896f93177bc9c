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

  @OptionGroup var output: OutputOptions<TableOrCSV>

  func run() throws {
    try output.checkDestination()
    let store = try RecordStore.openExisting(path: db)
    let catalogue = try inputOptions.loadCatalogue()
    let set = try ObservationReader.read(path: inputOptions.input)
    let series = try SeriesBuilder.build(set, catalogue: catalogue)
    let (v, d) = Review.score(vintages: try store.vintages(), decisions: try store.decisions(), series: series)
    try output.write(output.format == .csv ? ReviewRenderer.csv(vintages: v, decisions: d) : ReviewRenderer.table(vintages: v, decisions: d))
  }
}
