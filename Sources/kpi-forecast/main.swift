import ArgumentParser
import Foundation
import KPIData
import KPIForecast
import KPIReport

/// The command line: argument parsing and wiring only.
struct KPIForecastCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kpi-forecast",
    abstract: "Forecasts and targets for public-sector performance indicators.",
    discussion: "Exit codes: 0 success, 1 input or data error, 2 usage error.",
    subcommands: [
      ImportCommand.self, ForecastCommand.self, YearEndCommand.self, TargetsCommand.self, ScenariosCommand.self,
      DemandCommand.self, BacktestCommand.self, BenchmarkCommand.self, ReportCommand.self, ServeCommand.self,
      DecisionsCommand.self, ReviewCommand.self,
    ]
  )
}

/// Maps errors to messages and exit codes in one place (DESIGN §4): data errors 1, usage 2.
func runMain() -> Int32 {
  var command: ParsableCommand
  do {
    command = try KPIForecastCommand.parseAsRoot()
  } catch {
    let code = KPIForecastCommand.exitCode(for: error)
    let message = KPIForecastCommand.fullMessage(for: error)
    if code == .success {
      print(message)
      return 0
    }
    FileHandle.standardError.write(Data((message + "\n").utf8))
    return 2
  }
  do {
    try command.run()
    return 0
  } catch let e as ValidationError {
    FileHandle.standardError.write(Data("error: \(e.message)\n".utf8))
    return 2
  } catch let e as CleanExit {
    print(KPIForecastCommand.fullMessage(for: e))
    return 0
  } catch {
    // ArgumentParser's own errors (help requested through the built-in `help` subcommand, usage
    // errors) keep their meaning; everything else is an input or data error.
    switch KPIForecastCommand.exitCode(for: error) {
    case .success:
      print(KPIForecastCommand.fullMessage(for: error))
      return 0
    case .validationFailure:
      FileHandle.standardError.write(Data((KPIForecastCommand.fullMessage(for: error) + "\n").utf8))
      return 2
    default:
      FileHandle.standardError.write(Data("error: \(error)\n".utf8))
      return 1
    }
  }
}

exit(runMain())
