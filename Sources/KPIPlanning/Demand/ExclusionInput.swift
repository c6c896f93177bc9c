import Foundation
import KPIData
import KPIForecast
import KPIStats

/// An exclusions series feeding the demand model, with the factor turning its values into pupils.
public struct ExclusionInput: Sendable {
  public var forecast: SeriesForecast
  /// Pupils per unit of value: 1 for counts; school population / 100 for a percent of pupils;
  /// population / 1,000 for a rate per 1,000 pupils.
  public var multiplier: Double
  public var description: String
  /// The series' index in the engine's batch: its paths are the year-end command's paths.
  public var streamIndex: Int

  public init(forecast: SeriesForecast, multiplier: Double, description: String, streamIndex: Int = 0) {
    self.forecast = forecast
    self.multiplier = multiplier
    self.description = description
    self.streamIndex = streamIndex
  }
}
