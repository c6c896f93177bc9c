import ArgumentParser
import Foundation
import KPIData
import KPIForecast
import KPIPlanning
import KPIReport

struct TargetsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "targets",
    abstract: "Proposed target and intervention level per indicator, with the evidence and a plain-English rationale."
  )

  @OptionGroup var inputOptions: InputOptions
  @OptionGroup var planning: PlanningOptions

  @Option(help: "Financial year to set targets for, e.g. 2025/26 or 2026 (default: each series' next year-end).")
  var year: String?

  @Option(parsing: .unconditional, help: "Propose the target the baseline forecast meets with this probability (above 0, below 1).")
  var probability: Double?

  @Option(name: .customLong("intervention-probability"), parsing: .unconditional, help: "Chance of crossing the intervention level with no real change (above 0, below 0.5; default 0.10).")
  var interventionProbability: Double = 0.10

  @Option(help: "Comparator for the target (default: the first available of neighbours, england, region, good-outstanding).")
  var comparator: ComparatorChoice?

  @OptionGroup var out: OutputOptions<AnyTableFormat>

  func validate() throws {
    if let p = probability, !(p > 0 && p < 1) { throw ValidationError("--probability must be above 0 and below 1, got \(NumberText.plain(p))") }
    if !(interventionProbability > 0 && interventionProbability < 0.5) {
      throw ValidationError("--intervention-probability must be above 0 and below 0.5, got \(NumberText.plain(interventionProbability))")
    }
    if let y = year, targetYear == nil { throw ValidationError("--year '\(y)' is not a financial year (use 2025/26 or 2026)") }
  }

  /// The year the financial year ends (2025/26 → 2026).
  var targetYear: Int? {
    guard let y = year, let p = Period.parse(y), p.impliedFrequency == .annual else { return nil }
    return p.period.year
  }

  func run() throws {
    try out.checkDestination()
    let console = out.console()
    defer { console.finish() }
    let input = try inputOptions.load(console)
    let options = TargetOptions(probability: probability, interventionProbability: interventionProbability, comparator: comparator)
    let forecasts = Forecaster.forecastAll(input.series, options: ForecastOptions(model: planning.model, horizon: TargetPlanner.horizon(year: targetYear)),
                                           progress: console.counter("forecasting", what: "series"))
    console.enter("proposing targets")
    let (proposals, notes) = try TargetPlanner.proposals(forecasts, year: targetYear, options: options,
                                                         yearEndOptions: planning.yearEndOptions)
    let text: String
    switch out.format {
    case .csv: text = TargetsRenderer.csv(proposals)
    case .markdown: text = TargetsRenderer.markdown(proposals)
    case .table: text = TargetsRenderer.table(proposals, notes: notes)
    case .json: text = try TargetsRenderer.json(proposals)
    }
    try out.write(text)
    if out.format != .table { console.notes(Notes.grouped(proposals, notes: notes)) }
    try Refusals.check(forecasts)
  }
}
