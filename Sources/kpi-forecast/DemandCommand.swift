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
    let all = try SeriesBuilder.build(set, catalogue: catalogue).filter { !TargetPlanner.isAggregate($0.key.geography) }
    let ids = Set(all.map { $0.key.indicator })
    let wanted = indicators.isEmpty ? ["permanent-exclusions", "TotPermEx"].filter { ids.contains($0) }.prefix(1).map { $0 } : indicators
    guard !wanted.isEmpty else {
      throw ValidationError("no permanent-exclusions indicator found in \(inputOptions.input); name it with --indicator")
    }
    var inputs = [ExclusionInput]()
    var assumptions = [String]()
    let horizonYears = years
    for (k, id) in wanted.enumerated() {
      var matches: [KPISeries] = all.filter { $0.key.indicator == id }
      guard !matches.isEmpty else { throw ValidationError("--indicator '\(id)' is not in \(inputOptions.input)") }
      if let g = geography {
        matches = matches.filter { $0.key.geography?.lowercased() == g.lowercased() }
        guard !matches.isEmpty else { throw ValidationError("--geography '\(g)' has no \(id) rows in \(inputOptions.input)") }
      }
      guard let s = matches.first else { throw ValidationError("--indicator '\(id)' is not in \(inputOptions.input)") }
      if matches.count > 1 { assumptions.append("\(id): \(matches.count) geographies in the input; using \(s.key) (choose with --geography)") }
      guard let last = s.values.lastIndex(where: { !$0.isNaN }) else { throw ValidationError("\(id) has no observations") }
      let lastP = s.period(at: last)
      let march = Period(year: lastP.nextMarch.year + horizonYears - 1, month: 3)
      let steps = max(1, (march.monthIndex - lastP.monthIndex) / s.frequency.monthsPerStep)
      let f = try Forecaster.forecast(s, options: ForecastOptions(model: model, horizon: .steps(steps)))
      var mult = 1.0
      var desc = "\(id): counts of pupils"
      if s.unit == .percent || s.unit == .rate {
        guard k < populations.count else {
          throw ValidationError("\(id) is a \(s.unit.rawValue): give the school population with --population (in --indicator order)")
        }
        mult = populations[k] / (s.unit == .percent ? 100 : 1_000)
        desc = "\(id): \(s.unit == .percent ? "percent of" : "rate per 1,000 of") a school population of \(NumberFormat.human(populations[k], decimals: 0))"
      }
      assumptions.append(desc + "; forecast by \(f.model)")
      inputs.append(ExclusionInput(forecast: f, multiplier: mult, description: desc))
    }
    let cost: CostDistribution = costMode.map { .triangular(low: costLow, mode: $0, high: costHigh) } ?? .uniform(low: costLow, high: costHigh)
    let params = APDemandParameters(shareToAP: shareToAP, averageStayYears: stay, carriedOver: carriedOver, cost: cost)
    assumptions += [
      "share of permanently excluded pupils placed in AP: \(shareToAP)\(shareToAP == 1 ? " (default: seed 001 — a child who cannot be placed in a mainstream school will be in AP)" : "")",
      "average stay in AP: \(stay) year(s)\(stay == 1 ? " (default; an assumption — set --stay from local data)" : ""); placements arrive evenly through the year",
      "places carried over into the first year: \(NumberFormat.human(carriedOver, decimals: 0))",
      "cost per place per year: \(costMode == nil ? "uniform" : "triangular (most likely £\(NumberFormat.human(costMode ?? 0, decimals: 0)))") between £\(NumberFormat.human(costLow, decimals: 0)) and £\(NumberFormat.human(costHigh, decimals: 0))\(costLow == 20_000 && costHigh == 50_000 ? " (default: seed 001, £20,000–£50,000 a place a year, High Needs Block)" : "")",
      "forecast periods are drawn independently per step (Student-t steps share one variance draw per path); seed \(seed)",
    ]
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
