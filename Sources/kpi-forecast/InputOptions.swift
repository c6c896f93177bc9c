import ArgumentParser
import Foundation
import KPIData
import KPIForecast

/// The input wiring every INPUT command shares: the observations file (`-` = standard input),
/// the catalogue, and the checks and notes between reading and forecasting.
struct InputOptions: ParsableArguments {
  @Argument(help: "Tidy observations CSV (indicator,period,value[,geography,status,unit,polarity,basis]) or a DfE LAIT long extract; '-' reads standard input.")
  var input: String

  @Option(name: .long, help: "Folder of KPI catalogue YAML files (default: ./models if it exists).")
  var catalogue: String?

  /// The name used in messages (`standard input` for `-`).
  var inputName: String { InputFile.displayName(input) }

  /// Loads the catalogue (explicit folder, else ./models when present, else empty).
  func loadCatalogue() throws -> Catalogue { try loadCatalogueOption(catalogue) }

  /// The input's CSV records, parsed on demand from its bytes (standard input is read once,
  /// here), so the whole file is never held as strings.
  func records(_ console: Console) throws -> CSVReader.Records {
    console.enter("reading \(inputName)")
    if let tidy = try laitRows(console) { return try CSVReader().records(bytes: tidy, file: inputName) }
    return try CSVReader().records(path: input)
  }

  /// Reads and checks the observations and builds the series; notes go to `console`. The file
  /// is read block by block (its bytes are never held whole).
  func load(_ console: Console) throws -> LoadedInput {
    console.enter("reading \(inputName)")
    if let tidy = try laitRows(console) {
      return try build(ObservationReader.parse(records: CSVReader().records(bytes: tidy, file: inputName), file: inputName), console)
    }
    return try build(ObservationReader.read(path: input), console)
  }

  /// A DfE LAIT long extract's rows as tidy CSV (``LAITLongFile``), said in a note; nil for any other input.
  private func laitRows(_ console: Console) throws -> [UInt8]? {
    guard let tidy = try LAITLongFile.tidyIfLAIT(path: input) else { return nil }
    console.note("\(inputName) is a DfE LAIT extract: read as tidy observations (measure code, authority or England)")
    return tidy
  }

  /// Checks and builds from records already read.
  func load(records: CSVReader.Records, _ console: Console) throws -> LoadedInput {
    try build(ObservationReader.parse(records: records, file: inputName), console)
  }

  /// Checks the rows (errors and notes) and builds the series.
  func build(_ set: ObservationSet, _ console: Console) throws -> LoadedInput {
    let catalogue = try loadCatalogue()
    console.notes(try ObservationChecks.check(set, catalogue: catalogue, today: LoadedInput.today))
    console.enter("building series")
    let series = try SeriesBuilder.build(set, catalogue: catalogue)
    return LoadedInput(set: set, catalogue: catalogue, series: series)
  }
}

/// The `--catalogue` rule shared by every command: the folder given, else ./models when it
/// exists, else an empty catalogue (indicators then get neutral defaults, and the output says so).
func loadCatalogueOption(_ folder: String?) throws -> Catalogue {
  if let folder { return try Catalogue.load(directory: folder) }
  var isDir: ObjCBool = false
  if FileManager.default.fileExists(atPath: "models", isDirectory: &isDir), isDir.boolValue {
    return try Catalogue.load(directory: "models")
  }
  return Catalogue()
}
