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

  @Option(help: "The authority (input geography) to plan for, when the input holds several.")
  var geography: String?

  @Option(name: .customLong("population"), help: "School population for a percent or rate indicator (repeat in the order of --indicator).")
  var populations: [Double] = []

  @Option(name: .customLong("share-to-ap"), help: "Share of permanently excluded pupils placed in AP (default 1).")
  var shareToAP: Double = 1

  @Option(name: .customLong("stay"), help: "Average length of stay in AP, years (default 1).")
  var stay: Double = 1

  @Option(name: .customLong("carried-over"), help: "AP places already filled at the start of the first year (default 0).")
  var carriedOver: Double = 0

  @Option(name: .customLong("cost-low"), help: "Lowest cost per place per year, £ (default 20000).")
  var costLow: Double = 20_000
  @Option(name: .customLong("cost-high"), help: "Highest cost per place per year, £ (default 50000).")
  var costHigh: Double = 50_000
  @Option(name: .customLong("cost-mode"), help: "Most likely cost per place: makes the cost triangular instead of uniform.")
  var costMode: Double?

  @Option(help: "Financial years to cover (default 1).")
  var years: Int = 1

  @Option(help: "YAML scenario file (effects on the exclusions indicator apply).")
  var scenarios: String?

  @Option(help: "Monte Carlo draws per scenario (default 100000).")
  var draws: Int = 100_000

  @Option(help: "Seed of the Monte Carlo draws.")
  var seed: UInt64 = 1

  @Option(help: "auto | regression | snaive | drift")
  var model: ModelChoice = .auto

  @Option(help: "table | csv")
  var format: OutputFormat = .table

  @Option(help: "Write to this file (atomically) instead of standard output.")
  var output: String?

  func validate() throws {
    if !(shareToAP >= 0 && shareToAP <= 1) { throw ValidationError("--share-to-ap must be between 0 and 1, got \(shareToAP)") }
    if !(stay > 0 && stay <= 10) { throw ValidationError("--stay must be above 0 and at most 10 years, got \(stay)") }
    if !(carriedOver >= 0) { throw ValidationError("--carried-over must be 0 or more") }
    if !(costLow > 0 && costHigh > costLow) { throw ValidationError("--cost-low must be positive and below --cost-high") }
    if let m = costMode, !(m >= costLow && m <= costHigh) { throw ValidationError("--cost-mode must lie between --cost-low and --cost-high") }
    if years < 1 || years > 10 { throw ValidationError("--years must be 1 to 10") }
    if draws < 1_000 || draws > 10_000_000 { throw ValidationError("--draws must be between 1,000 and 10,000,000") }
    for p in populations where !(p > 0) { throw ValidationError("--population must be positive, got \(p)") }
    if format == .json || format == .markdown { throw ValidationError("demand supports --format table or csv") }
  }

  func run() throws {
    let catalogue = try inputOptions.loadCatalogue()
    let set = try ObservationReader.read(path: inputOptions.input)
    let all = try SeriesBuilder.build(set, catalogue: catalogue)
    let inputs: [ExclusionInput], notes: [String]
    do {
      let forecasts = Forecaster.forecastAll(all, options: ForecastOptions(model: model, horizon: .yearEnds(years)))
      (inputs, notes) = try ExclusionInput.build(from: forecasts, indicators: indicators, populations: populations, geography: geography,
                                                 file: inputOptions.input)
    } catch let e as DemandSetupError {
      throw ValidationError(e.description)
    }
    let cost: CostDistribution = costMode.map { .triangular(low: costLow, mode: $0, high: costHigh) } ?? .uniform(low: costLow, high: costHigh)
    let params = APDemandParameters(shareToAP: shareToAP, averageStayYears: stay, carriedOver: carriedOver, cost: cost)
    let assumptions = notes + params.assumptions + ["seed \(seed)"]
    let list = try scenarios.map { try ScenarioFile.load(path: $0) } ?? []
    let (results, seconds) = APDemandRunner.run(inputs: inputs, years: years, scenarios: list, parameters: params, draws: draws, seed: seed)
    let text = format == .csv ? DemandRenderer.csv(results) : DemandRenderer.table(results, assumptions: assumptions, draws: draws, seconds: seconds)
    try OutputWriter.write(text, to: output)
    if format == .csv {
      for a in assumptions { FileHandle.standardError.write(Data("note: \(a)\n".utf8)) }
      let n = Set(results.map(\.scenario)).count
      FileHandle.standardError.write(Data("note: \(n) scenario(s) × \(draws) draws per scenario in \(String(format: "%.3f", seconds)) s\n".utf8))
    }
  }
}
