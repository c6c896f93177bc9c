import ArgumentParser
import Foundation
import KPIData
import KPIReport

/// `kpi-forecast import SCORECARD… [--out DIR]`: wide scorecard exports → tidy files + report.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Read wide scorecard exports (tab- or comma-separated) into tidy observations, targets and comparators.",
    discussion: """
      Writes to --out: observations.csv (forecast input), targets.csv, comparators.csv, issues.csv,
      import-report.md and catalogue-draft.yaml. Every cell that is not a plain number is listed in the
      report with the reason. Several files are read as one set. --out is created when it does not \
      exist (its parent folder must exist). See docs/IMPORT.md.
      """
  )

  @Argument(help: "Scorecard export file(s); '-' reads standard input.")
  var scorecards: [String]

  @Option(help: "Folder to write the tidy files and report into (default: print the report only).")
  var out: String?

  @Option(name: .long, help: "Folder of KPI catalogue YAML files used to name indicators (default: ./models if it exists).")
  var catalogue: String?

  @Flag(help: "Exit 1 when any cell could not be read (neither a number nor a known missing marker).")
  var strict = false

  @Flag(help: "Say nothing on standard error (the summary of what was read); errors are still reported.")
  var quiet = false

  func validate() throws {
    if scorecards.isEmpty { throw ValidationError("give at least one scorecard file") }
  }

  func run() throws {
    let cat = try loadCatalogueOption(catalogue)
    let result = try ScorecardImporter(catalogue: cat).importFiles(scorecards)
    let report = ImportRenderer.reportMarkdown(result)
    if let dir = out {
      try Self.prepareFolder(dir)
      func path(_ n: String) -> String { (dir as NSString).appendingPathComponent(n) }
      try OutputWriter.write(ImportRenderer.observationsCSV(result), to: path("observations.csv"))
      try OutputWriter.write(ImportRenderer.targetsCSV(result), to: path("targets.csv"))
      try OutputWriter.write(ImportRenderer.comparatorsCSV(result), to: path("comparators.csv"))
      try OutputWriter.write(ImportRenderer.issuesCSV(result), to: path("issues.csv"))
      try OutputWriter.write(ImportRenderer.catalogueYAML(result), to: path("catalogue-draft.yaml"))
      try OutputWriter.write(report, to: path("import-report.md"))
    }
    let unreadable = result.issues.filter { $0.severity == .unreadable }.count
    var summary = ""
    for f in result.files {
      let c = result.cellCounts[f] ?? CellCounts()
      summary += "\(f): \(c.total) value cells — \(c.valuesWritten) numbers read (\(c.pairs) pairs), \(c.missing) missing, "
      summary += "\(c.directional) directional, \(c.unreadable) unreadable\n"
    }
    summary += "\(result.indicators.count) indicators; \(unreadable) cell(s) not read"
    summary += out.map { " — see \(($0 as NSString).appendingPathComponent("import-report.md"))\n" } ?? "\n"
    if out == nil { print(report) }
    if !quiet { FileHandle.standardError.write(Data(summary.utf8)) }
    if strict && unreadable > 0 { throw ImportStrictError(count: unreadable) }
  }
}

extension ImportCommand {
  /// Makes `--out` ready: an existing folder, or a new one whose parent exists; a file of that
  /// name is refused.
  static func prepareFolder(_ dir: String) throws {
    var isDir: ObjCBool = false
    if FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) {
      guard isDir.boolValue else { throw OutputError.cannotWrite(path: dir, reason: "it is a file, not a folder; --out takes a folder to write the tidy files into") }
      return
    }
    let parent = (dir as NSString).deletingLastPathComponent
    guard parent.isEmpty || FileManager.default.fileExists(atPath: parent, isDirectory: &isDir), isDir.boolValue || parent.isEmpty else {
      throw OutputError.cannotWrite(path: dir, reason: "the folder '\(parent)' does not exist; create it first")
    }
    do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false) } catch {
      throw OutputError.cannotWrite(path: dir, reason: "cannot create the folder: \(InputFile.reason(error))")
    }
  }
}
