/// A note on how one series was forecast: typed, so notes are grouped and tested by kind, with
/// the text made here and nowhere else.
public enum ForecastNote: Sendable, Hashable, CustomStringConvertible {
  /// No catalogue entry and no unit column: an unbounded number.
  case noUnit
  /// The transform rule's own remark (e.g. the catalogue's transform could not be used).
  case transform(String)
  /// The catalogue names a model that is not in the vocabulary.
  case unknownCatalogueModel(String)
  /// A level shift was moved onto the series' grid or could not be read.
  case levelShift(String)
  /// The catalogue's seasonal prior could not be used.
  case seasonalPrior(String)
  /// The model failed and the fallback was used instead.
  case modelFailed(model: String, reason: String, fallback: String)
  /// A simplification the model made while fitting (its own words).
  case model(String)
  /// Intervals calibrated from rolling-origin errors, or analytic (for the combination).
  case intervals(String)
  /// The rule auto used for the series' regime, and how it was chosen.
  case autoRule(String)
  /// The series is too short (or too flat) to size its own band: the spread was borrowed (from
  /// `peers` series, or the default when 0), each step a Student-t draw on `df` degrees of freedom.
  case spreadBorrowed(observations: Int, peers: Int, df: Double)
  /// No observations: no forecast.
  case noObservations
  /// The user's explicit option cannot be honoured for this series: it is not forecast.
  case refused(ForecastError)

  public var description: String { text }

  public var text: String {
    switch self {
    case .noUnit: return "no catalogue entry or unit column: treated as an unbounded number"
    case .transform(let s), .levelShift(let s), .seasonalPrior(let s), .model(let s): return s
    case .unknownCatalogueModel(let name):
      return "catalogue model '\(name)' is not one of \(ModelChoice.allCases.map(\.rawValue).joined(separator: ", ")): auto used"
    case .modelFailed(let m, let r, let f): return "\(m) model failed (\(r)); \(f) used instead"
    case .intervals(let s): return "intervals \(s)"
    case .autoRule(let s): return s
    case .spreadBorrowed(let n, let peers, let df):
      let from = peers > 0 ? "the one-step changes of \(peers) other series of the same frequency and scale" : "the documented default for its scale"
      let why = peers > 0 ? "" : ": the run has fewer than \(SpreadFloor.minimumPeers) series of \(SpreadFloor.minimumPeerLength)+ values on this frequency and scale to borrow from"
      // The spread itself is in the band; the text says where it came from, so the series that
      // borrowed alike share one grouped note.
      return "\(n) observation\(n == 1 ? "" : "s") cannot size a band alone: its spread per step is shrunk toward \(from) (Student-t, \(String(format: "%g", df)) df)\(why)"
    case .noObservations: return "no observations: no forecast"
    case .refused(let e): return "not forecast: \(e)"
    }
  }
}
