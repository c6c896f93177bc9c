import ArgumentParser
import Foundation
import KPIData
import KPIForecast
import KPIPlanning
import KPIReport

struct DemandCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demand",
    abstract: "Alternative-provision places and annual cost (P10/P50/P90) from the forecast of permanent exclusions, by scenario."
  )

  @OptionGroup var inputOptions: InputOptions

  @Option(name: .customLong("indicator"), help: "Permanent-exclusions indicator (repeat for phases, e.g. primary and secondary). Default: permanent-exclusions (the seed KPI), else TotPermEx (DfE LAIT).")
  var indicators: [String] = []

  @Option(help: "The authority (input geography) to plan for; required when the input holds several.")
  var geography: String?

  @Option(name: .customLong("population"), parsing: .unconditionalSingleValue, help: "School population for a percent or rate indicator (repeat in the order of --indicator).")
  var populations: [Double] = []

  @Option(name: .customLong("share-to-ap"), parsing: .unconditional, help: "Share of permanently excluded pupils placed in AP (default 1).")
  var shareToAP: Double = 1

  @Option(name: .customLong("stay"), parsing: .unconditional, help: "Average length of stay in AP, years (default 1).")
  var stay: Double = 1

  @Option(name: .customLong("carried-over"), parsing: .unconditional, help: "AP places already filled at the start of the first year (default 0).")
  var carriedOver: Double = 0

  @Option(name: .customLong("cost-low"), parsing: .unconditional, help: "Lowest cost per place per year, £ (default 20000).")
  var costLow: Double = 20_000
  @Option(name: .customLong("cost-high"), parsing: .unconditional, help: "Highest cost per place per year, £ (default 50000).")
  var costHigh: Double = 50_000
  @Option(name: .customLong("cost-mode"), parsing: .unconditional, help: "Most likely cost per place: makes the cost triangular instead of uniform.")
  var costMode: Double?

  @Option(parsing: .unconditional, help: "Financial years to cover, 1 to 10 (default 1).")
  var years: Int = 1

  @Option(help: "YAML scenario file (effects on the exclusions indicator apply).")
  var scenarios: String?

  @Option(parsing: .unconditional, help: "Monte Carlo draws per scenario, 1,000 to 10,000,000 (default 100000).")
  var draws: Int = 100_000

  @Option(parsing: .unconditional, help: "Seed of the Monte Carlo draws, a whole number 0 or more.")
  var seed: UInt64 = 1

  @Option(help: "Forecasting model.")
  var model: ModelChoice = .auto

  @OptionGroup var out: OutputOptions<TableOrCSV>

  func validate() throws {
    if !(shareToAP >= 0 && shareToAP <= 1) { throw ValidationError("--share-to-ap must be between 0 and 1, got \(NumberText.plain(shareToAP))") }
    if !(stay > 0 && stay <= 10) { throw ValidationError("--stay must be above 0 and at most 10 years, got \(NumberText.plain(stay))") }
    if !(carriedOver >= 0) { throw ValidationError("--carried-over must be 0 or more, got \(NumberText.plain(carriedOver))") }
    if !(costLow > 0) { throw ValidationError("--cost-low must be positive, got \(NumberText.plain(costLow))") }
    if !(costHigh > costLow) { throw ValidationError("--cost-high must be above --cost-low (\(NumberText.plain(costLow))), got \(NumberText.plain(costHigh))") }
    if let m = costMode, !(m >= costLow && m <= costHigh) {
      throw ValidationError("--cost-mode must lie between --cost-low (\(NumberText.plain(costLow))) and --cost-high (\(NumberText.plain(costHigh))), got \(NumberText.plain(m))")
    }
    if years < 1 || years > 10 { throw ValidationError("--years must be 1 to 10, got \(years)") }
    if draws < 1_000 || draws > 10_000_000 { throw ValidationError("--draws must be between 1,000 and 10,000,000, got \(draws)") }
    for p in populations where !(p > 0) { throw ValidationError("--population must be positive, got \(NumberText.plain(p))") }
  }

  func run() throws {
    try out.checkDestination()
    let console = out.console()
    defer { console.finish() }
    let document = try scenarios.map { try ScenarioFile.read(path: $0) }
    let input = try inputOptions.load(console)
    try document?.requireIndicators(in: Set(input.series.map(\.key.indicator)), input: inputOptions.inputName)
    let inputs: [ExclusionInput], notes: [String]
    do {
      let forecasts = Forecaster.forecastAll(input.series, options: ForecastOptions(model: model, horizon: .yearEnds(years)),
                                             progress: console.counter("forecasting", what: "series"))
      (inputs, notes) = try ExclusionInput.build(from: forecasts, indicators: indicators, populations: populations, geography: geography,
                                                 file: inputOptions.inputName)
    } catch let e as DemandSetupError {
      throw ValidationError(e.description)
    }
    console.enter("simulating demand")
    let cost: CostDistribution = costMode.map { .triangular(low: costLow, mode: $0, high: costHigh) } ?? .uniform(low: costLow, high: costHigh)
    let params = APDemandParameters(shareToAP: shareToAP, averageStayYears: stay, carriedOver: carriedOver, cost: cost)
    let assumptions = notes + params.assumptions + ["seed \(seed)"]
    let (results, seconds) = APDemandRunner.run(inputs: inputs, years: years, scenarios: document?.scenarios ?? [], parameters: params,
                                                draws: draws, seed: seed)
    let text = out.format == .csv ? DemandRenderer.csv(results) : DemandRenderer.table(results, assumptions: assumptions, draws: draws, seconds: seconds)
    try out.write(text)
    if out.format == .csv {
      console.notes(assumptions)
      let n = Set(results.map(\.scenario)).count
      console.note("\(n) scenario(s) × \(draws) draws per scenario in \(String(format: "%.3f", seconds)) s")
    }
  }
}
