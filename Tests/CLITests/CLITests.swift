import Foundation
import Testing

/// Runs the built `kpi-forecast` binary.
func runCLI(_ args: [String], cwd: String? = nil, stdin: String? = nil, environment: [String: String] = [:]) throws -> (code: Int32, out: String, err: String) {
  let bin = productsDirectory().appendingPathComponent("kpi-forecast")
  let p = Process()
  p.executableURL = bin
  p.arguments = args
  if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
  if let stdin { p.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: stdin)) }
  if !environment.isEmpty { p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
  let o = Pipe(), e = Pipe()
  p.standardOutput = o
  p.standardError = e
  try p.run()
  let od = o.fileHandleForReading.readDataToEndOfFile()
  let ed = e.fileHandleForReading.readDataToEndOfFile()
  p.waitUntilExit()
  return (p.terminationStatus, String(decoding: od, as: UTF8.self), String(decoding: ed, as: UTF8.self))
}

func productsDirectory() -> URL {
  for b in Bundle.allBundles where b.bundlePath.hasSuffix(".xctest") { return b.bundleURL.deletingLastPathComponent() }
  return Bundle.main.bundleURL
}

func tempFile(_ text: String, name: String = "in.csv") throws -> String {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kpi-cli-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  let url = dir.appendingPathComponent(name)
  try text.write(to: url, atomically: true, encoding: .utf8)
  return url.path
}

@Suite struct CLIExitCodeTests {
  @Test func malformedValueExitsOneWithLocation() throws {
    let path = try tempFile("indicator,period,value\nneet,2022-06,4.2\nneet,2022-09,abc\n")
    let r = try runCLI(["forecast", path, "--format", "csv"])
    #expect(r.code == 1)
    #expect(r.err.contains("row 3"))
    #expect(r.err.contains("column 'value'"))
    #expect(r.err.contains("'abc'"))
  }

  @Test func unknownOptionExitsTwo() throws {
    let r = try runCLI(["forecast", "x.csv", "--bogus"])
    #expect(r.code == 2)
  }
}

@Suite struct CLIHelpTests {
  @Test(arguments: [["--help"], ["forecast", "--help"], ["help", "forecast"]])
  func helpPrintsUsageAndExitsZero(args: [String]) throws {
    let r = try runCLI(args)
    #expect(r.code == 0)
    #expect(r.out.contains("USAGE:"))
    #expect(!r.err.contains("CommandError"))
  }
}
