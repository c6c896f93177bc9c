import KPIData
import KPIForecast

/// Groups the per-series notes of a batch: a note shared by many series is printed once with a
/// count and a few examples (statsforecast/fable style: one grouped warning, nothing hidden).
public enum Notes {
  /// Lines such as `neet: fewer than 2 full years …` or `4,100 series: no catalogue entry … (e.g. a, b, c)`.
  public static func grouped(_ forecasts: [SeriesForecast], examples: Int = 3, groupAbove: Int = 3) -> [String] {
    grouped(forecasts.flatMap { f in f.warnings.map { (f.series.key.description as String?, $0) } }, examples: examples, groupAbove: groupAbove)
  }

  /// The one grouping rule: each message shared by more than `groupAbove` series is printed once,
  /// with a count and the first `examples` series, in the order first seen; a message of fewer
  /// series once per series; a message with no series (a run-level note) as it is, first.
  static func grouped(_ items: [(key: String?, message: String)], examples: Int, groupAbove: Int) -> [String] {
    var order = [String]()
    var who = [String: [String]]()
    var lines = [String]()
    for (key, message) in items {
      guard let key else { lines.append(message); continue }
      if who[message] == nil { order.append(message) }
      who[message, default: []].append(key)
    }
    for m in order {
      let keys = who[m] ?? []
      if keys.count > groupAbove {
        lines.append("\(NumberFormat.human(Double(keys.count), decimals: 0)) series: \(m) (e.g. \(keys.prefix(examples).joined(separator: ", ")))")
      } else {
        for k in keys { lines.append("\(k): \(m)") }
      }
    }
    return lines
  }
}
