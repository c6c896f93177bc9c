import ArgumentParser
import KPIForecast
import KPIPlanning
import KPIReport

/// A command's own set of output formats: `--help` lists exactly these (generated from the
/// cases), and an unsupported one is a usage error from the parser itself.
protocol FormatChoice: ExpressibleByArgument, CaseIterable, RawRepresentable, Sendable where RawValue == String {
  /// The format when `--format` is not given.
  static var standard: Self { get }
}

extension ModelChoice: ExpressibleByArgument {}
extension TransformChoice: ExpressibleByArgument {}
extension ComparatorChoice: ExpressibleByArgument {}

/// Kept for commands that still declare `--format` as the shared ``OutputFormat`` (prefer an
/// ``OutputOptions`` with the command's own ``FormatChoice``, so help lists only what it writes).
extension OutputFormat: ExpressibleByArgument {}
