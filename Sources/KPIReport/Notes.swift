import KPIData
import KPIForecast

/// Groups the per-series notes of a batch: a note shared by many series is printed once with a
/// count and a few examples (statsforecast/fable style: one grouped warning, nothing hidden).
public enum Notes {
  /// Lines such as `neet: fewer than 2 full years …` or `4,100 series: no catalogue entry … (e.g. a, b, c)`.
  public static func grouped(_ forecasts: [SeriesForecast], examples: Int = 3, groupAbove: Int = 3) -> [String] {
    var order = [String]()
    var who = [String: [String]]()
    for f in forecasts {
      for w in f.warnings {
        if who[w] == nil { order.append(w) }
        who[w, default: []].append(f.series.key.description)
      }
    }
    var lines = [String]()
    for w in order {
      let keys = who[w] ?? []
      if keys.count > groupAbove {
        let eg = keys.prefix(examples).joined(separator: ", ")
        lines.append("\(NumberFormat.human(Double(keys.count), decimals: 0)) series: \(w) (e.g. \(eg))")
      } else {
        for k in keys { lines.append("\(k): \(w)") }
      }
    }
    return lines
  }
}
