import Foundation
import Yams

/// The KPI catalogue: every `*.yaml` file in a folder, each holding `indicators: [...]`.
public struct Catalogue: Sendable {
  public var entries: [String: CatalogueEntry]

  public init(entries: [CatalogueEntry] = []) {
    var d = [String: CatalogueEntry]()
    for e in entries { d[e.id] = e }
    self.entries = d
  }

  public subscript(id: String) -> CatalogueEntry? { entries[id] }

  struct File: Codable { var indicators: [CatalogueEntry] }

  /// Loads every `.yaml`/`.yml` file of `directory` (sorted by name). Errors name the file.
  public static func load(directory: String) throws -> Catalogue {
    let fm = FileManager.default
    var isDir: ObjCBool = false
    guard fm.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
      throw DataError.unreadableFile(file: directory, reason: "not a folder of catalogue YAML files")
    }
    let files = ((try? fm.contentsOfDirectory(atPath: directory)) ?? [])
      .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
    var all = [CatalogueEntry]()
    var firstFile = [String: String]()
    for f in files {
      let path = (directory as NSString).appendingPathComponent(f)
      let entries = try loadFile(path: path)
      for e in entries {
        if let prev = firstFile[e.id] {
          throw DataError.invalid(InputLocation(file: path), message: "indicator '\(e.id)' is already defined in \(prev)")
        }
        firstFile[e.id] = path
        all.append(e)
      }
    }
    return Catalogue(entries: all)
  }

  /// Loads one catalogue file, checking unknown keys, types and cross-field rules
  /// (`CatalogueLoader`). Errors name the file, line, indicator and key.
  public static func loadFile(path: String) throws -> [CatalogueEntry] {
    try CatalogueLoader.load(path: path)
  }

  /// Parses catalogue YAML given as bytes (tests, fuzzing).
  public static func parse(data: Data, file: String = "<catalogue>") throws -> [CatalogueEntry] {
    try CatalogueLoader.parse(data: data, file: file)
  }
}
