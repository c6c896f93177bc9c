import Foundation
import KPIData
import KPIStats

/// One forecast-origin test: the series prepared at its origin exactly as the forecast command
/// prepares it (transform, catalogue prior, level shifts, catalogue model), and the data-scale
/// values needed to score it (training values for the MASE scale, the held-out actuals).
public struct BacktestCase: Sendable {
  public var id: String
  /// Indicator or benchmark group, for per-indicator summaries and pooling.
  public var group: String
  public var prepared: PreparedSeries
  public var trainData: [Double]
  public var actual: [Double]
  /// Values whose seasonal-naive error scales MASE when not `trainData` (R's cut regimes scale
  /// by the full training series).
  public var scaleData: [Double]?

  public init(id: String, group: String, prepared: PreparedSeries, trainData: [Double], actual: [Double]) {
    self.id = id
    self.group = group
    self.prepared = prepared
    self.trainData = trainData
    self.actual = actual
  }

  /// The model-scale input (for pooling experiments).
  public var model: ModelInput {
    get { prepared.model }
    set { prepared.model = newValue }
  }
}
