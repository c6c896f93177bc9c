import Foundation
import KPIData
import KPIForecast
import KPIPlanning

/// What the workshop server is started with.
public struct WorkshopSettings: Sendable {
  public var input: String
  public var catalogue: Catalogue
  /// Files whose bytes make the data fingerprint (the input and the catalogue's YAML files).
  public var fingerprintFiles: [String]
  public var scenarios: [Scenario]
  public var model: ModelChoice
  public var yearEnd: YearEndOptions
  /// Monte Carlo draws of the AP demand (as `kpi-forecast demand`).
  public var demandDraws: Int

  public init(input: String, catalogue: Catalogue, fingerprintFiles: [String], scenarios: [Scenario], model: ModelChoice = .auto,
              yearEnd: YearEndOptions = YearEndOptions(), demandDraws: Int = 100_000) {
    self.input = input
    self.catalogue = catalogue
    self.fingerprintFiles = fingerprintFiles
    self.scenarios = scenarios
    self.model = model
    self.yearEnd = yearEnd
    self.demandDraws = demandDraws
  }
}
