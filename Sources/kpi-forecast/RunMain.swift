import ArgumentParser
import Foundation

/// Parses, runs, and maps every error to a message and exit code in one place (``ErrorReport``):
/// 0 success (help included), 1 input or data error, 2 usage error.
func runMain() -> Int32 {
  var command: ParsableCommand
  do {
    command = try KPIForecastCommand.parseAsRoot()
  } catch {
    let code = KPIForecastCommand.exitCode(for: error)
    let message = KPIForecastCommand.fullMessage(for: error)
    if code == .success {
      print(message + Examples.footer(arguments: Array(CommandLine.arguments.dropFirst())))
      return 0
    }
    FileHandle.standardError.write(Data((message + "\n").utf8))
    return 2
  }
  do {
    try command.run()
    return 0
  } catch let e as CleanExit {
    print(KPIForecastCommand.fullMessage(for: e) + Examples.footer(arguments: Array(CommandLine.arguments.dropFirst())))
    return 0
  } catch {
    // ArgumentParser's own errors (help through the built-in `help` subcommand) keep their meaning.
    if !(error is ValidationError), KPIForecastCommand.exitCode(for: error) == .success {
      print(KPIForecastCommand.fullMessage(for: error) + Examples.footer(arguments: Array(CommandLine.arguments.dropFirst())))
      return 0
    }
    let (message, code) = ErrorReport.describe(error)
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    return code
  }
}
