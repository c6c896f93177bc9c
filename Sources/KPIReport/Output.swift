import Foundation
import KPIData

/// Output formats shared by the commands.
public enum OutputFormat: String, Sendable, CaseIterable {
  case table, csv, json, markdown
}

/// Writes text to a file atomically (a temporary file in the same folder renamed into place), so
/// a failed run leaves no half-written output; or to standard output when `path` is nil.
public enum OutputWriter {
  public static func write(_ text: String, to path: String?) throws {
    try write(parts: [Data(text.utf8)], to: path)
  }

  /// ``write(_:to:)`` for text already encoded in parts (the CSV writers' chunks), written one
  /// after another without joining them first.
  public static func write(chunks: [[UInt8]], to path: String?) throws {
    try write(parts: chunks, to: path)
  }

  static func write<D: DataProtocol>(parts: [D], to path: String?) throws {
    guard let path else {
      for p in parts { FileHandle.standardOutput.write(Data(p)) }
      return
    }
    let url = URL(fileURLWithPath: path)
    let dir = url.deletingLastPathComponent()
    let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    do {
      guard FileManager.default.createFile(atPath: tmp.path, contents: nil) else {
        throw OutputError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
      }
      let handle = try FileHandle(forWritingTo: tmp)
      do {
        for p in parts { try handle.write(contentsOf: p) }
        try handle.close()
      } catch {
        try? handle.close()
        throw error
      }
      if rename(tmp.path, url.path) != 0 {
        let err = String(cString: strerror(errno))
        try? FileManager.default.removeItem(at: tmp)
        throw OutputError.cannotWrite(path: path, reason: err)
      }
    } catch let e as OutputError {
      try? FileManager.default.removeItem(at: tmp)
      throw e
    } catch {
      try? FileManager.default.removeItem(at: tmp)
      throw OutputError.cannotWrite(path: path, reason: (error as NSError).localizedDescription)
    }
  }
}

public enum OutputError: Error, CustomStringConvertible, Equatable {
  case cannotWrite(path: String, reason: String)
  public var description: String {
    switch self { case .cannotWrite(let p, let r): return "\(p): cannot write output: \(r)" }
  }
}

/// Pads columns of cells to a plain-text table; numeric columns right-aligned.
public struct TextTable {
  public var header: [String]
  public var rows: [[String]]
  public var rightAligned: Set<Int>

  public init(header: [String], rows: [[String]], rightAligned: Set<Int> = []) {
    self.header = header
    self.rows = rows
    self.rightAligned = rightAligned
  }

  public func render() -> String {
    var widths = header.map(\.count)
    for r in rows { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { i, c in
        let pad = String(repeating: " ", count: max(0, widths[i] - c.count))
        return rightAligned.contains(i) ? pad + c : c + pad
      }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
    }
    var out = [line(header), widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
    out += rows.map(line)
    return out.joined(separator: "\n") + "\n"
  }
}
