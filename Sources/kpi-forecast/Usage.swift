import ArgumentParser
import KPIData

/// Checks of option values shared by several commands; each message says what was wrong with
/// the value given.
enum Usage {
  /// `--level`: above 0 and below 100.
  static func checkLevels(_ levels: [Double]) throws {
    for l in levels where !(l > 0 && l < 100) {
      throw ValidationError("--level must be above 0 and below 100 (a percent such as 80 or 95), got \(NumberText.plain(l))")
    }
  }
}
