import Foundation

/// Reads an input file's bytes, or standard input for the path `-`, turning every failure into
/// a ``DataError/unreadableFile(file:reason:)`` in plain words (no Foundation error domains).
public enum InputFile {
  /// The name used in messages: the path, or `standard input` for `-`.
  public static func displayName(_ path: String) -> String { path == "-" ? "standard input" : path }

  /// The bytes of `path` (`-` = standard input, read to its end once).
  public static func read(path: String) throws -> Data {
    if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
      throw DataError.unreadableFile(file: path, reason: "no such file (check the path; '-' reads standard input)")
    }
    if isDir.boolValue { throw DataError.unreadableFile(file: path, reason: "it is a folder, not a file; give the path of a file inside it") }
    guard FileManager.default.isReadableFile(atPath: path) else {
      throw DataError.unreadableFile(file: path, reason: "permission denied (the file is not readable by this user)")
    }
    do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
      throw DataError.unreadableFile(file: path, reason: reason(error))
    }
  }

  /// A plain reason for a file-system error: the POSIX cause when there is one, else a generic one.
  public static func reason(_ error: Error) -> String {
    let ns = error as NSError
    if let u = ns.userInfo[NSUnderlyingErrorKey] as? NSError, u.domain == NSPOSIXErrorDomain {
      return String(cString: strerror(Int32(u.code))).lowercased()
    }
    if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))).lowercased() }
    switch CocoaError.Code(rawValue: ns.code) {
    case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file"
    case .fileReadNoPermission, .fileWriteNoPermission: return "permission denied"
    case .fileWriteFileExists: return "a file of that name already exists"
    case .fileWriteOutOfSpace: return "the disk is full"
    case .fileWriteVolumeReadOnly: return "the disk is read-only"
    case .fileReadCorruptFile, .fileReadInapplicableStringEncoding: return "the file cannot be decoded"
    default: return "the operating system refused (code \(ns.code))"
    }
  }
}
