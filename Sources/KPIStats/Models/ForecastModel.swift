

/// A model specification (fable's `ETS()`, statsforecast's model classes): fitting it to a
/// series gives a fitted model. Specifications are small value types.
public protocol ForecastModel: Sendable {
  associatedtype Fitted: FittedForecastModel
  /// Fits to `series`. Throws `ModelError` when the model cannot be estimated at all; simpler
  /// forms the model falls back to itself are reported through `Fitted.warnings`.
  func fit(_ series: SeriesInput) throws -> Fitted
}
