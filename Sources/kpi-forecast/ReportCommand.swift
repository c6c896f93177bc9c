import ArgumentParser
import Foundation
import KPIData
import KPIForecast
import KPIPlanning
import KPIReport

struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "The committee pack: scorecard with year-end forecasts, status and SPC, a chart per KPI, exception-report drafts.",
    discussion: "HTML (self-contained, prints on A4 landscape) or --format markdown for papers. One authority per pack: the input's only authority, or --geography."
  )

  @OptionGroup var inputOptions: InputOptions
  @OptionGroup var planning: PlanningOptions


  @Option(help: "The authority named on the pack (default: the input's geography, else 'the council').")
  var authority: String?

  @Option(help: "Only this geography (the authority) when the input has several.")
  var geography: String?

  @Option(name: .customLong("indicator"), help: "Only this indicator (repeatable).")
  var indicators: [String] = []

  @Option(help: "The date printed on the pack, YYYY-MM-DD (default: today).")
  var date: String?

  @Option(help: "Pack title (default: Children's services performance: Quarter N YYYY/YY).")
  var title: String?

  @OptionGroup var out: OutputOptions<PackFormat>

  func validate() throws {
    if let d = date, Self.parseDate(d) == nil { throw ValidationError("--date must be YYYY-MM-DD, got '\(d)'") }
  }

  static func parseDate(_ s: String) -> Date? {
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_GB_POSIX")
    f.timeZone = TimeZone(identifier: "UTC")
    f.dateFormat = "yyyy-MM-dd"
    return f.date(from: s)
  }

  static func longDate(_ d: Date) -> String {
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_GB")
    f.timeZone = TimeZone(identifier: "UTC")
    f.dateFormat = "d MMMM yyyy"
    return f.string(from: d)
  }

  func run() throws {
    try out.checkDestination()
    let console = out.console()
    defer { console.finish() }
    let input = try inputOptions.load(console)
    let set = input.set
    var series = input.series
    if !indicators.isEmpty {
      let known = Set(series.map(\.key.indicator))
      for i in indicators where !known.contains(i) { throw PackInputError.unknown(file: inputOptions.inputName, what: "indicator", value: i) }
      series = series.filter { indicators.contains($0.key.indicator) }
    }
    let authorities = Array(Set(series.filter { !GeographyKind(name: $0.key.geography).isAggregate }.map { $0.key.geography ?? "" })).sorted()
    let chosen: String?
    if let g = geography {
      guard authorities.contains(g) else { throw PackInputError.unknown(file: inputOptions.inputName, what: "geography", value: g) }
      chosen = g
    } else if authorities.count > 1 {
      throw ValidationError("the input holds \(authorities.count) authorities (\(authorities.prefix(4).joined(separator: ", "))…): a pack covers one, give --geography")
    } else {
      chosen = authorities.first
    }
    // The authority's series and the comparators (England, region …) of the same indicators.
    let own = series.filter { ($0.key.geography ?? "") == (chosen ?? "") }
    let comparators = series.filter { GeographyKind(name: $0.key.geography).isAggregate }
    let engineInput = own + comparators
    let forecasts = Forecaster.forecastAll(engineInput, options: ForecastOptions(model: planning.model, horizon: .toYearEnd),
                                           progress: console.counter("forecasting", what: "series"))
    console.enter("building the pack")
    let outlooks = YearEndCalculator.outlooks(forecasts, options: planning.yearEndOptions)
    let ownKeys = Set(own.map(\.key))
    let pack = PackBuilder.build(PackBuilder.Inputs(
      forecasts: forecasts.filter { ownKeys.contains($0.series.key) && !$0.distributions.isEmpty },
      outlooks: outlooks.filter { ownKeys.contains($0.key) }, spc: SeriesSPC.charts(own), comparators: comparators,
      areas: ServiceAreas.from(set), authority: authority ?? ((chosen ?? "").isEmpty ? "The council" : chosen ?? ""),
      date: Self.longDate(date.flatMap(Self.parseDate) ?? Date()), title: title))
    let text = out.format == .markdown ? PackMarkdown.render(pack) : PackHTML.render(pack)
    try out.write(text)
    console.notes(Notes.grouped(forecasts))
    try Refusals.check(forecasts)
  }
}
