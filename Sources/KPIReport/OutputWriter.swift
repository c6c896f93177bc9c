import Foundation
import KPIData

/// Writes text to a file atomically (a temporary file in the same folder renamed into place), so
/// a failed run leaves no half-written output; or to standard output when `path` is nil.
public enum OutputWriter {
  public static func write(_ text: String, to path: String?) throws {
    guard let path else {
      FileHandle.standardOutput.write(Data(text.utf8))
      return
    }
    try checkDestination(path)
    let url = URL(fileURLWithPath: path)
    let dir = url.deletingLastPathComponent()
    var existing = stat()
    let mode: mode_t? = stat(path, &existing) == 0 ? existing.st_mode & 0o7777 : nil
    let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    do {
      try Data(text.utf8).write(to: tmp)
      if let mode { chmod(tmp.path, mode) }  // a replaced file keeps its permissions
      if rename(tmp.path, url.path) != 0 {
        let err = String(cString: strerror(errno))
        try? FileManager.default.removeItem(at: tmp)
        throw OutputError.cannotWrite(path: path, reason: err)
      }
    } catch let e as OutputError {
      throw e
    } catch {
      try? FileManager.default.removeItem(at: tmp)
      throw OutputError.cannotWrite(path: path, reason: InputFile.reason(error))
    }
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
