import ArgumentParser
import Foundation

/// The command line: argument parsing and wiring only.
struct KPIForecastCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kpi-forecast",
    abstract: "Forecasts and targets for public-sector performance indicators.",
    discussion: "Exit codes: 0 success, 1 input or data error, 2 usage error.",
    subcommands: [
      ImportCommand.self, ForecastCommand.self, YearEndCommand.self, TargetsCommand.self, ScenariosCommand.self,
      DemandCommand.self, BacktestCommand.self, BenchmarkCommand.self, ReportCommand.self, SPCCommand.self,
      ServeCommand.self, DecisionsCommand.self, ReviewCommand.self,
    ]
  )
}

exit(runMain())
