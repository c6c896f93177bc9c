import ArgumentParser
import Foundation
import KPIData
import KPIForecast
import KPIPlanning
import KPIReport
import KPIStats

extension SPCRuleSet: ExpressibleByArgument {}

struct SPCCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "spc",
    abstract: "NHS 'Making Data Count' XmR charts: process mean and limits, special-cause points, variation and assurance.",
    discussion: """
      Rules as NHSRplotthedots 0.1.0 (--rules ptd-0.1.0, the default); --rules corrected adds the package's later \
      fixes (falling trends of 7 flagged; 2 of 3 near a limit only on one side of the mean). Limits rebase at the \
      catalogue's level_shifts and at each --level-shift.
      """
  )

  @OptionGroup var inputOptions: InputOptions

  @Option(help: "Rule set.")
  var rules: SPCRuleSet = .ptd010

  @Option(name: .customLong("level-shift"), help: "A period from which every series' limits are rebased (repeatable).")
  var levelShifts: [String] = []

  @OptionGroup var out: OutputOptions<TableCSVOrJSON>

  func validate() throws {
    for s in levelShifts where Period.parse(s) == nil { throw ValidationError("--level-shift '\(s)' is not a period") }
  }

  func run() throws {
    try out.checkDestination()
    let console = out.console()
    defer { console.finish() }
    let series = try inputOptions.load(console).series
    console.enter("computing limits")
    let charts = SeriesSPC.charts(series, levelShifts: levelShifts.compactMap { Period.parse($0)?.period }, rules: rules)
    // The assurance icon compares the latest limits with the target of the latest point's year.
    var targets = [SeriesKey: Double]()
    for c in charts {
      if let last = c.periods.last, let t = YearEndCalculator.thresholds(for: c.series, yearLabel: last.financialYearLabel)?.target {
        targets[c.series.key] = t
      }
    }
    let text: String
    switch out.format {
    case .csv: text = SPCRenderer.csv(charts)
    case .table: text = SPCRenderer.table(charts, targets: targets)
    case .json: text = try SPCRenderer.json(charts, targets: targets)
    }
    try out.write(text)
    if out.format != .table { console.notes(SPCRenderer.notes(charts)) }
  }
}
