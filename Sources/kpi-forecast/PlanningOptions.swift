import ArgumentParser
import Foundation
import KPIData
import KPIForecast
import KPIPlanning
import KPIReport

/// Options shared by the planning commands (year-end, targets, scenarios).
struct PlanningOptions: ParsableArguments {
  @Option(help: "Forecasting model.")
  var model: ModelChoice = .auto

  @Option(parsing: .unconditional, help: "Seed of the Monte Carlo draws, a whole number 0 or more (same seed, same output).")
  var seed: UInt64 = 1

  @Option(parsing: .unconditional, help: "Monte Carlo paths for outturns that add up several forecast periods (100 to 10,000,000).")
  var draws: Int = 20_000

  func validate() throws {
    if draws < 100 || draws > 10_000_000 { throw ValidationError("--draws must be between 100 and 10,000,000, got \(draws)") }
  }

  var yearEndOptions: YearEndOptions { YearEndOptions(draws: draws, seed: seed) }
}
