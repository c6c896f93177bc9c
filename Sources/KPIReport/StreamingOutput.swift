import Foundation
import KPIData

/// An output written in parts as they are made (a national batch's CSV, chunk by chunk): to a
/// temporary file in the destination's folder, renamed into place by ``finish()`` — so a run
/// that fails, or is stopped, leaves no half-written file and an existing one untouched — or
/// straight to standard output when the path is nil.
public final class StreamingOutput {
  let path: String?
  private var handle: FileHandle?
  private var temporary: URL?
  private let mode: mode_t?

  /// Checks the destination (``OutputWriter/checkDestination(_:)``) and opens the temporary file.
  public init(path: String?) throws {
    self.path = path
    guard let path else { mode = nil; return }
    try OutputWriter.checkDestination(path)
    let url = URL(fileURLWithPath: path)
    var existing = stat()
    mode = stat(path, &existing) == 0 ? existing.st_mode & 0o7777 : nil
    let tmp = url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    guard FileManager.default.createFile(atPath: tmp.path, contents: nil) else {
      throw OutputError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
    }
    temporary = tmp
    do { handle = try FileHandle(forWritingTo: tmp) } catch {
      try? FileManager.default.removeItem(at: tmp)
      temporary = nil
      throw OutputError.cannotWrite(path: path, reason: InputFile.reason(error))
    }
  }

  /// Appends one part.
  public func append<D: DataProtocol>(_ part: D) throws {
    guard let path else { FileHandle.standardOutput.write(Data(part)); return }
    guard let handle else { throw OutputError.cannotWrite(path: path, reason: "the output was already finished") }
    do { try handle.write(contentsOf: part) } catch {
      abandon()
      throw OutputError.cannotWrite(path: path, reason: InputFile.reason(error))
    }
  }

  /// Appends parts in order.
  public func append(chunks: [[UInt8]]) throws { for c in chunks { try append(c) } }

  /// Closes the file and renames it into place (a replaced file keeps its permissions).
  public func finish() throws {
    guard let path, let handle, let tmp = temporary else { return }
    do { try handle.close() } catch {
      abandon()
      throw OutputError.cannotWrite(path: path, reason: InputFile.reason(error))
    }
    self.handle = nil
    if let mode { chmod(tmp.path, mode) }
    if rename(tmp.path, URL(fileURLWithPath: path).path) != 0 {
      let err = String(cString: strerror(errno))
      abandon()
      throw OutputError.cannotWrite(path: path, reason: err)
    }
    temporary = nil
  }

  /// Drops the temporary file (a failed or unfinished output).
  private func abandon() {
    try? handle?.close()
    handle = nil
    if let tmp = temporary { try? FileManager.default.removeItem(at: tmp) }
    temporary = nil
  }

  deinit { abandon() }
}
