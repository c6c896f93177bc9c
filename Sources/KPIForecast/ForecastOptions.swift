import KPIData
import KPIStats

public struct ForecastOptions: Sendable {
  public var model: ModelChoice
  public var transform: TransformChoice
  public var horizon: Horizon
  /// Interval levels in percent, in the order asked for.
  public var levels: [Double]
  /// Periods from which a level shift applies, for every series (catalogue shifts add to these).
  public var levelShifts: [Period]
  /// How `auto` chooses and combines its members.
  public var auto = AutoConfiguration()
  /// Inner rolling origins per series for auto's rule learning and interval calibration.
  public var calibrationOrigins = 3
  /// Whether `auto`'s combination intervals are calibrated (backtests of the analytic spread turn it off).
  public var calibrate = true

  public init(model: ModelChoice = .auto, transform: TransformChoice = .auto, horizon: Horizon = .toYearEnd,
              levels: [Double] = [80, 95], levelShifts: [Period] = []) {
    self.model = model
    self.transform = transform
    self.horizon = horizon
    self.levels = levels
    self.levelShifts = levelShifts
  }
}
