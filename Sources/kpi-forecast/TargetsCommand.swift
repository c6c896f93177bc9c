import ArgumentParser
import Foundation
import KPIData
import KPIForecast
import KPIPlanning
import KPIReport

extension ComparatorChoice: ExpressibleByArgument {}

struct TargetsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "targets",
    abstract: "Proposed target and intervention level per indicator, with the evidence and a plain-English rationale."
  )

  @OptionGroup var inputOptions: InputOptions
  @OptionGroup var planning: PlanningOptions

  @Option(help: "Financial year to set targets for, e.g. 2025/26 or 2026 (default: each series' next year-end).")
  var year: String?

  @Option(help: "Propose the target the baseline forecast meets with this probability (0-1).")
  var probability: Double?

  @Option(name: .customLong("intervention-probability"), help: "Chance of crossing the intervention level with no real change (default 0.10).")
  var interventionProbability: Double = 0.10

  @Option(help: "england | region | neighbours | good-outstanding (default: the first available in that order, neighbours first).")
  var comparator: ComparatorChoice?

  @Option(help: "table | csv | json | markdown")
  var format: OutputFormat = .table

  @Option(help: "Write to this file (atomically) instead of standard output.")
  var output: String?

  func validate() throws {
    if let p = probability, !(p > 0 && p < 1) { throw ValidationError("--probability must be between 0 and 1 (exclusive), got \(p)") }
    if !(interventionProbability > 0 && interventionProbability < 0.5) {
      throw ValidationError("--intervention-probability must be between 0 and 0.5, got \(interventionProbability)")
    }
    if let y = year, targetYear == nil { throw ValidationError("--year '\(y)' is not a financial year (use 2025/26 or 2026)") }
  }

  /// The year the financial year ends (2025/26 → 2026).
  var targetYear: Int? {
    guard let y = year, let p = Period.parse(y), p.impliedFrequency == .annual else { return nil }
    return p.period.year
  }

  func run() throws {
    let catalogue = try inputOptions.loadCatalogue()
    let set = try ObservationReader.read(path: inputOptions.input)
    let series = try SeriesBuilder.build(set, catalogue: catalogue)
    let options = TargetOptions(probability: probability, interventionProbability: interventionProbability, comparator: comparator)
    let forecasts = Forecaster.forecastAll(series, options: ForecastOptions(model: planning.model, horizon: TargetPlanner.horizon(year: targetYear)))
    let (proposals, notes) = try TargetPlanner.proposals(forecasts, year: targetYear, options: options,
                                                         yearEndOptions: planning.yearEndOptions)
    let text: String
    switch format {
    case .csv: text = TargetsRenderer.csv(proposals)
    case .markdown: text = TargetsRenderer.markdown(proposals)
    case .table: text = TargetsRenderer.table(proposals, notes: notes)
    case .json: text = try TargetsRenderer.json(proposals)
    }
    try OutputWriter.write(text, to: output)
    if format != .table {
      for n in Notes.grouped(proposals, notes: notes) { FileHandle.standardError.write(Data("note: \(n)\n".utf8)) }
    }
    try Refusals.check(forecasts)
  }
}
