import Foundation
import KPIData

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
    let out = try StreamingOutput(path: path)
    for p in parts { try out.append(p) }
    try out.finish()
  }

  /// Refuses, before any work, a destination that cannot be written: a folder that does not
  /// exist (it is not created: a mistyped path should not make folders), a path that is a
  /// folder, or a read-only file (refused even for root, and left untouched).
  public static func checkDestination(_ path: String?) throws {
    guard let path else { return }
    let url = URL(fileURLWithPath: path)
    let dir = url.deletingLastPathComponent().path
    var isDir: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
      if isDir.boolValue { throw OutputError.cannotWrite(path: path, reason: "it is a folder; give a file name inside it") }
      var st = stat()
      if stat(path, &st) == 0, st.st_mode & 0o222 == 0 || access(path, W_OK) != 0 {
        throw OutputError.cannotWrite(path: path, reason: "the file is read-only; it was left as it is (make it writable or choose another name)")
      }
    }
    guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) else {
      throw OutputError.cannotWrite(path: path, reason: "the folder '\(dir)' does not exist; create it first")
    }
    guard isDir.boolValue else { throw OutputError.cannotWrite(path: path, reason: "'\(dir)' is a file, not a folder") }
    guard access(dir, W_OK) == 0 else { throw OutputError.cannotWrite(path: path, reason: "the folder '\(dir)' is not writable") }
  }
}
