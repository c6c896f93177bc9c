import ArgumentParser
import Foundation
import KPIData
import KPIPlanning
import KPIReport

/// Turns every error a run can end with into one plain, located sentence and an exit code
/// (DESIGN §4: 1 for input or data errors, 2 for usage errors). No Foundation error domains,
/// decoding dumps or type names reach the user.
enum ErrorReport {
  static func describe(_ error: Error) -> (message: String, code: Int32) {
    switch error {
    case let e as DataError: return (e.description, 1)
    case let e as OutputError: return (e.description, 1)
    case let e as ValidationError: return (e.message, 2)
    case let e as DemandSetupError: return (e.description, 2)
    case let e as Refusals: return (e.description, 1)
    case let e as ImportStrictError: return (e.description, 1)
    case let e as DecodingError: return (decoding(e), 1)
    default: break
    }
    let ns = error as NSError
    if ns.domain == NSCocoaErrorDomain || ns.domain == NSPOSIXErrorDomain {
      let file = (ns.userInfo[NSFilePathErrorKey] as? String) ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path
      return ("\(file.map { "\($0): " } ?? "")\(InputFile.reason(error))", 1)
    }
    // The package's own error types describe themselves in words; anything else is not shown raw.
    if String(reflecting: type(of: error)).lowercased().hasPrefix("kpi") { return (String(describing: error), 1) }
    return ("the run stopped on an unexpected error (\(String(describing: type(of: error))))", 1)
  }

  /// A decoding error as a sentence: where (the key path) and what.
  static func decoding(_ e: DecodingError) -> String {
    func path(_ c: DecodingError.Context) -> String {
      let p = c.codingPath.map { $0.intValue.map { "item \($0 + 1)" } ?? $0.stringValue }.joined(separator: " → ")
      return p.isEmpty ? "the document" : "'\(p)'"
    }
    switch e {
    case .typeMismatch(_, let c): return "\(path(c)) has a value of the wrong kind"
    case .valueNotFound(_, let c): return "\(path(c)) is empty but a value is required"
    case .keyNotFound(let k, let c): return "required key '\(k.stringValue)' is missing in \(path(c))"
    case .dataCorrupted(let c): return "\(path(c)) cannot be read"
    @unknown default: return "the document cannot be read"
    }
  }
}
