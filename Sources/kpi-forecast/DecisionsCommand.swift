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

  @Option(help: "csv | yaml")
  var format: DecisionsFormat = .csv

  @Option(help: "Write to this file (atomically) instead of standard output.")
  var output: String?

  func run() throws {
    let store = try RecordStore.openExisting(path: db)
    let all = try store.decisions()
    let text = format == .csv ? DecisionExport.csv(all) : DecisionExport.yaml(all)
    try OutputWriter.write(text, to: output)
  }
}
