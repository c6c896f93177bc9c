import ArgumentParser
import Foundation
import KPIRecord
import KPIReport

struct DecisionsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "decisions",
    abstract: "Exports the decisions recorded by `serve`: CSV, or catalogue YAML (targets/intervention_levels) to merge into models/."
  )

  @Option(help: "SQLite file written by `kpi-forecast serve`.")
  var db: String

  @OptionGroup var output: OutputOptions<DecisionsFormat>

  func run() throws {
    try output.checkDestination()
    let store = try RecordStore.openExisting(path: db)
    let all = try store.decisions()
    try output.write(output.format == .csv ? DecisionExport.csv(all) : DecisionExport.yaml(all))
  }
}
