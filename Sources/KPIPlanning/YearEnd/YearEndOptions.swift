import Foundation
import KPIData
import KPIForecast
import KPIStats

/// Options of the year-end computation.
public struct YearEndOptions: Sendable {
  /// Monte Carlo paths for outturns that sum several forecast steps.
  public var draws: Int
  public var seed: UInt64

  public init(draws: Int = 20_000, seed: UInt64 = 1) {
    self.draws = draws
    self.seed = seed
  }

  /// The seed of one series' paths (its index in the batch): year-end, scenarios and demand
  /// read the same paths of the same series.
  public func pathSeed(_ streamIndex: Int) -> UInt64 { SeededGenerator.streamSeed(seed, streamIndex) }
}
