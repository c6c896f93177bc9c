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

  @Option(help: "ptd-0.1.0 | corrected")
  var rules: SPCRuleSet = .ptd010

  @Option(name: .customLong("level-shift"), help: "A period from which every series' limits are rebased (repeatable).")
  var levelShifts: [String] = []

  @Option(help: "table | csv | json")
  var format: OutputFormat = .table

  @Option(help: "Write to this file (atomically) instead of standard output.")
  var output: String?

  func validate() throws {
    if format == .markdown { throw ValidationError("spc supports --format table, csv or json") }
    for s in levelShifts where Period.parse(s) == nil { throw ValidationError("--level-shift '\(s)' is not a period") }
  }

  func run() throws {
    let catalogue = try inputOptions.loadCatalogue()
    let set = try ObservationReader.read(path: inputOptions.input)
    let series = try SeriesBuilder.build(set, catalogue: catalogue)
    let charts = SeriesSPC.charts(series, levelShifts: levelShifts.compactMap { Period.parse($0)?.period }, rules: rules)
    // The assurance icon compares the latest limits with the target of the latest point's year.
    var targets = [SeriesKey: Double]()
    for c in charts {
      if let last = c.periods.last, let t = YearEndCalculator.thresholds(for: c.series, yearLabel: last.financialYearLabel)?.target {
        targets[c.series.key] = t
      }
    }
    let text: String
    switch format {
    case .csv, .markdown: text = SPCRenderer.csv(charts)
    case .table: text = SPCRenderer.table(charts, targets: targets)
    case .json: text = try SPCRenderer.json(charts, targets: targets)
    }
    try OutputWriter.write(text, to: output)
    if format != .table {
      for n in SPCRenderer.notes(charts) { FileHandle.standardError.write(Data("note: \(n)\n".utf8)) }
    }
  }
}
