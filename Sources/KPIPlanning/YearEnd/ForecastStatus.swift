import KPIData

/// Forecast status against target and intervention level (DESIGN §2): ★ on or better than
/// target, ● between target and intervention level, ▲ worse than the intervention level.
public enum ForecastStatus: String, Sendable, Codable, Equatable {
  case green, amber, red

  /// The scorecards' symbol.
  public var symbol: String {
    switch self { case .green: "★"; case .amber: "●"; case .red: "▲" }
  }
}
