import Foundation
import KPIData
import KPIStats

public struct BacktestOptions: Sendable {
  public var levels: [Double]
  /// The engine's options (model, auto configuration, calibration on or off, inner origins).
  public var forecast: ForecastOptions
  /// Steps summed for the coverage of sums (a year-to-date-like total of the first steps).
  public var sumSteps: Int
  /// Joint paths per case for the sum's interval.
  public var sumDraws: Int

  public init(levels: [Double] = [80, 95], forecast: ForecastOptions = ForecastOptions(), sumSteps: Int = 4, sumDraws: Int = 2000) {
    self.levels = levels
    self.forecast = forecast
    self.sumSteps = sumSteps
    self.sumDraws = sumDraws
  }
}
