import ArgumentParser
import Foundation
import KPIData
import KPIPlanning
import KPIRecord
import KPIServe

struct ServeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "The target-setting workshop page and JSON API on this machine, with a record of decisions in SQLite.",
    discussion: "Open the printed address in a browser. Stops on Ctrl-C (SIGINT) or SIGTERM."
  )

  @OptionGroup var inputOptions: InputOptions
  @OptionGroup var planning: PlanningOptions

  @Option(help: "YAML file of named scenarios offered as starting points (see docs/PLANNING.md).")
  var scenarios: String?

  @Option(help: "SQLite file of decisions and forecast vintages (created if missing).")
  var db: String = "kpi-decisions.sqlite"

  @Option(help: "Address to bind (any address other than loopback is reachable from other machines).")
  var host: String = "127.0.0.1"

  @Option(help: "Port (0 picks a free one; the address is printed on standard error).")
  var port: Int = 8080

  func validate() throws {
    if !(0...65535).contains(port) { throw ValidationError("--port must be 0 to 65535, got \(port)") }
    if host.isEmpty { throw ValidationError("--host must not be empty") }
  }

  func run() throws {
    let list = try scenarios.map { try ScenarioFile.load(path: $0) } ?? []
    let catalogue = try inputOptions.loadCatalogue()
    let folder = inputOptions.catalogue ?? "models"
    let yamls = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
      .sorted().map { folder + "/" + $0 }
    let settings = WorkshopSettings(input: inputOptions.input, catalogue: catalogue, fingerprintFiles: [inputOptions.input] + yamls,
                                    scenarios: list, model: planning.model, yearEnd: planning.yearEndOptions)
    let engine = try WorkshopEngine(settings: settings)
    let store = try RecordStore(path: db)
    if !WorkshopServer.isLoopback(host) {
      FileHandle.standardError.write(Data("warning: serving on \(host): anyone who can reach this address can read the forecasts (recording still needs the page's token)\n".utf8))
    }
    let server = WorkshopServer(engine: engine, store: store, host: host, port: port,
                                inputName: URL(fileURLWithPath: inputOptions.input).lastPathComponent)
    let outcome = ServeOutcome()
    let done = DispatchSemaphore(value: 0)
    Task {
      do {
        try await server.run { host, port in
          let shown = host.contains(":") ? "[\(host)]" : host
          FileHandle.standardError.write(Data("listening on http://\(shown):\(port)\n".utf8))
        }
      } catch {
        outcome.set(error)
      }
      done.signal()
    }
    done.wait()
    if let e = outcome.error { throw ValidationError("cannot serve on \(host):\(port): \(e)") }
    FileHandle.standardError.write(Data("stopped; decisions are in \(db)\n".utf8))
  }
}
