import Foundation
import KPIData
import KPIForecast

/// A self-contained HTML page with one fan chart per indicator (inline SVG, no scripts, no
/// external files): the history, the forecast's median, its 80% and 95% bands, and the year-end
/// target from the catalogue when there is one. It draws what the forecast distributions say and
/// computes no statistics of its own.
public enum HTMLReport {
  /// Renders the page. `title` heads it; output is deterministic for the same forecasts.
  public static func render(_ forecasts: [SeriesForecast], title: String) -> String {
    var body = ""
    var noForecast = [String]()
    for f in forecasts {
      if f.distributions.isEmpty { noForecast.append(f.series.key.description); continue }
      body += chart(f)
    }
    var html = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>\(escape(title))</title>
      <style>
      body{font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;margin:2em auto;max-width:1200px;color:#222}
      h1{font-size:1.5em} .grid{display:flex;flex-wrap:wrap;gap:1.2em}
      figure{margin:0;border:1px solid #ddd;border-radius:6px;padding:.6em;width:560px}
      figcaption{font-size:.9em;margin-bottom:.3em} .meta{color:#666;font-size:.8em}
      .note{color:#8a5a00;font-size:.78em;margin:.2em 0 0} .key span{display:inline-block;margin-right:1em;font-size:.85em}
      .sw{display:inline-block;width:1.2em;height:.7em;margin-right:.3em;vertical-align:middle}
      </style></head><body>
      <h1>\(escape(title))</h1>
      <p class="key"><span><i class="sw" style="background:#1f4e79"></i>history</span><span><i class="sw" style="background:#c0392b"></i>forecast (median)</span><span><i class="sw" style="background:#f2b8a8"></i>80% interval</span><span><i class="sw" style="background:#fbe3dc"></i>95% interval</span><span><i class="sw" style="background:#2e7d32"></i>target</span></p>
      <div class="grid">

      """
    html += body
    html += "</div>\n"
    if !noForecast.isEmpty {
      html += "<p class=\"meta\">No forecast (no observations): \(escape(noForecast.joined(separator: ", ")))</p>\n"
    }
    html += "</body></html>\n"
    return html
  }

  static func chart(_ f: SeriesForecast) -> String {
    let s = f.series
    let w = 540.0, h = 220.0, left = 56.0, right = 10.0, top = 10.0, bottom = 28.0
    let history: [(Int, Double)] = s.values.enumerated().compactMap { $0.element.isNaN ? nil : ($0.offset, $0.element) }
    let startIndex = s.values.count - 1 + 1  // forecast positions continue the grid
    let firstForecast = f.periods.first.map { ($0.monthIndex - s.start.monthIndex) / s.frequency.monthsPerStep } ?? startIndex
    let steps = f.distributions.count
    let band95 = f.distributions.map { $0.interval(level: 95) }
    let band80 = f.distributions.map { $0.interval(level: 80) }
    let median = f.distributions.map { $0.quantile(0.5) }
    let yearEndLabel = f.periods.last?.financialYearLabel
    let target = yearEndLabel.flatMap { s.entry?.targets?[$0] }
    var ys = history.map(\.1) + band95.flatMap { [$0.lower, $0.upper] } + median
    if let target { ys.append(target) }
    ys = ys.filter(\.isFinite)
    guard var lo = ys.min(), var hi = ys.max() else { return "" }
    if hi - lo < 1e-9 { lo -= 1; hi += 1 }
    let pad = (hi - lo) * 0.06
    lo -= pad; hi += pad
    if let b = s.bounds.lower { lo = max(lo, b) }
    if let b = s.bounds.upper { hi = min(hi, b) }
    let lastX = max(firstForecast + steps - 1, 1)
    func x(_ i: Int) -> Double { left + (w - left - right) * Double(i) / Double(lastX) }
    func y(_ v: Double) -> Double { top + (h - top - bottom) * (1 - (min(max(v, lo), hi) - lo) / (hi - lo)) }
    func pts(_ p: [(Double, Double)]) -> String { p.map { String(format: "%.1f,%.1f", $0.0, $0.1) }.joined(separator: " ") }
    // Bands start at the last observation so the fan opens from it.
    let anchor = history.last
    func band(_ b: [(lower: Double, upper: Double)]) -> String {
      var upper = [(Double, Double)](), lower = [(Double, Double)]()
      if let a = anchor, a.0 == firstForecast - 1 { upper.append((x(a.0), y(a.1))); lower.append((x(a.0), y(a.1))) }
      for (k, iv) in b.enumerated() { upper.append((x(firstForecast + k), y(iv.upper))); lower.append((x(firstForecast + k), y(iv.lower))) }
      return pts(upper + lower.reversed())
    }
    var svg = "<svg viewBox=\"0 0 \(Int(w)) \(Int(h))\" width=\"\(Int(w))\" height=\"\(Int(h))\" role=\"img\" aria-label=\"fan chart of \(escape(s.key.description))\">\n"
    // Grid and y ticks.
    for k in 0...3 {
      let v = lo + (hi - lo) * Double(k) / 3
      let yy = y(v)
      svg += String(format: "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>", left, yy, w - right, yy)
      svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\" fill=\"#666\">", left - 4, yy + 3)
        + escape(ForecastRenderer.format(v, unit: s.unit)) + "</text>\n"
    }
    svg += "<polygon points=\"\(band(band95))\" fill=\"#fbe3dc\"/>\n"
    svg += "<polygon points=\"\(band(band80))\" fill=\"#f2b8a8\"/>\n"
    if let target {
      let ty = y(target)
      svg += String(format: "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#2e7d32\" stroke-dasharray=\"5 3\"/>", left, ty, w - right, ty)
      svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" fill=\"#2e7d32\">", left + 4, ty - 3)
        + "target \(escape(ForecastRenderer.format(target, unit: s.unit)))</text>\n"
    }
    // History: segments broken at gaps.
    var run = [(Double, Double)]()
    var previous = -2
    var paths = [String]()
    for (i, v) in history {
      if i != previous + 1, run.count > 0 { paths.append(pts(run)); run.removeAll() }
      run.append((x(i), y(v))); previous = i
    }
    if !run.isEmpty { paths.append(pts(run)) }
    for p in paths { svg += "<polyline points=\"\(p)\" fill=\"none\" stroke=\"#1f4e79\" stroke-width=\"2\"/>\n" }
    for (i, v) in history { svg += String(format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"#1f4e79\"/>", x(i), y(v)) }
    var med = [(Double, Double)]()
    if let a = anchor, a.0 == firstForecast - 1 { med.append((x(a.0), y(a.1))) }
    for (k, m) in median.enumerated() { med.append((x(firstForecast + k), y(m))) }
    svg += "<polyline points=\"\(pts(med))\" fill=\"none\" stroke=\"#c0392b\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>\n"
    // X labels: first, last observed, last forecast period.
    let labels: [(Int, String)] = [(0, s.start.description), (history.last?.0 ?? 0, s.period(at: history.last?.0 ?? 0).description),
                                   (firstForecast + steps - 1, f.periods.last?.description ?? "")]
    var used = Set<Int>()
    for (i, t) in labels where !used.contains(i) {
      used.insert(i)
      let anchor = i == 0 ? "start" : (i == lastX ? "end" : "middle")
      svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"%@\" fill=\"#666\">", x(i), h - 8, anchor) + escape(t) + "</text>\n"
    }
    svg += "</svg>\n"
    let name = s.entry?.title ?? s.key.indicator
    var caption = "<figcaption><strong>\(escape(name))</strong>"
    if let g = s.key.geography { caption += " — \(escape(g))" }
    if let last = f.distributions.last, let p = f.periods.last {
      let (l80, h80) = last.interval(level: 80)
      caption += "<br><span class=\"meta\">\(escape(p.description)): \(escape(ForecastRenderer.format(last.point, unit: s.unit))) "
        + "(80%: \(escape(ForecastRenderer.format(l80, unit: s.unit))) to \(escape(ForecastRenderer.format(h80, unit: s.unit)))) · "
        + "\(escape(s.unit.rawValue)) · \(escape(f.model))</span>"
    }
    caption += "</figcaption>\n"
    let notes = f.warnings.map { "<p class=\"note\">\(escape($0))</p>" }.joined(separator: "\n")
    return "<figure>\n\(caption)\(svg)\(notes)\n</figure>\n"
  }

  /// Escapes text for HTML element content and attribute values.
  public static func escape(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.count)
    for c in s {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(c)
      }
    }
    return out
  }
}
