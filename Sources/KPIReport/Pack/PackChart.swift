import Foundation
import KPIData
import KPIForecast
import KPIStats

/// One KPI's chart in the pack, drawn with ``SVGDocument``: the history with SPC mean and limits
/// (special-cause points marked by shape and colour), the forecast fan (80% and 95%) to the
/// year-end, target and intervention-level lines, comparator markers, and axes labelled with the
/// unit and financial quarters. It draws what the engine gave; it computes nothing.
public enum PackChart {
  public static let width = 700.0
  public static let height = 280.0
  static let left = 62.0, right = 118.0, top = 14.0, bottom = 40.0

  public static func svg(_ k: PackKPI) -> String {
    let s = k.series, f = k.forecast, u = s.unit, o = k.outlook
    let points = k.spc.chart.points
    let periods = k.spc.periods
    let firstPeriod = periods.first ?? s.start
    let lastPeriod = f.periods.last ?? periods.last ?? s.start
    let band95 = f.distributions.map { $0.interval(level: 95) }
    let band80 = f.distributions.map { $0.interval(level: 80) }
    let median = f.distributions.map { $0.quantile(0.5) }
    // A year total (year-to-date counts) is on another scale than the periods: its target, level
    // and forecast are stated beside the chart, not drawn on it.
    let sameScale = o.aggregation.mode != .sum
    let target = sameScale ? o.thresholds?.target : nil, level = sameScale ? o.thresholds?.interventionLevel : nil
    var ys = points.map(\.value) + points.flatMap { [$0.lpl, $0.upl] } + band95.flatMap { [$0.lower, $0.upper] }
    ys += [target, level, k.comparator?.value, sameScale ? o.point : nil].compactMap { $0 }
    let step = Double(s.frequency.monthsPerStep)
    let xs = LinearScale(domain: (Double(firstPeriod.monthIndex) - step / 2, Double(lastPeriod.monthIndex) + step / 2),
                         range: (left, width - right))
    let yscale = LinearScale(domain: LinearScale.paddedDomain(ys, bounds: s.bounds), range: (height - bottom, top))
    func x(_ p: Period) -> Double { xs(Double(p.monthIndex)) }
    var svg = SVGDocument(width: width, height: height, label: "Chart of \(k.title): history, usual range, forecast to \(o.yearEnd.financialYearLabel) and target")

    // Forecast region and grid.
    if let firstForecast = f.periods.first {
      let x0 = xs(Double(firstForecast.monthIndex) - step / 2)
      svg.rect(x0, top, width - right - x0, height - bottom - top, SVGStyle(fill: "#F2F2F2"))
      svg.text("forecast", x: x0 + 4, y: height - bottom - 5, size: 10, fill: Palette.grey)
    }
    for t in yscale.ticks(4) {
      let yy = yscale(t)
      svg.line(left, yy, width - right, yy, SVGStyle(stroke: "#E4E4E4"))
      svg.text(Wording.value(t, u == .days ? .number : u), x: left - 6, y: yy + 4, size: 10, anchor: .end, fill: Palette.grey)
    }
    svg.text(Wording.axisTitle(u), x: 14, y: (top + height - bottom) / 2, size: 10, anchor: .middle, fill: Palette.grey, rotate: -90)
    svg.line(left, height - bottom, width - right, height - bottom, SVGStyle(stroke: "#999999"))

    // X labels: every period up to 9 labels, else every k-th, always the first and the year-end.
    let all = stride(from: firstPeriod.monthIndex, through: lastPeriod.monthIndex, by: s.frequency.monthsPerStep).map { Period(monthIndex: $0) }
    let every = max(1, Int((Double(all.count) / 9).rounded(.up)))
    for (i, p) in all.enumerated() where i % every == 0 || i == all.count - 1 {
      if i == all.count - 1 && i % every != 0 && i - (i / every) * every < max(1, every / 2) { continue }
      svg.line(x(p), height - bottom, x(p), height - bottom + 4, SVGStyle(stroke: "#999999"))
      svg.text(Wording.period(p, s.frequency), x: x(p), y: height - bottom + 16, size: 10, anchor: .middle, fill: Palette.ink)
    }
    svg.text("financial \(s.frequency == .annual ? "year" : s.frequency == .monthly ? "month" : "quarter") (April–March years)",
             x: (left + width - right) / 2, y: height - 6, size: 10, anchor: .middle, fill: Palette.grey)

    // SPC mean and limits per segment.
    for seg in Set(points.map(\.segment)).sorted() {
      let idx = points.indices.filter { points[$0].segment == seg }
      guard let a = idx.first, let b = idx.last, points[a].upl.isFinite else { continue }
      let x0 = xs(Double(periods[a].monthIndex) - step / 2), x1 = xs(Double(periods[b].monthIndex) + step / 2)
      let p = points[a]
      svg.line(x0, yscale(p.mean), x1, yscale(p.mean), SVGStyle(stroke: Palette.grey, strokeWidth: 1.2))
      svg.line(x0, yscale(p.upl), x1, yscale(p.upl), SVGStyle(stroke: Palette.grey, strokeWidth: 1, dash: "5 3"))
      svg.line(x0, yscale(p.lpl), x1, yscale(p.lpl), SVGStyle(stroke: Palette.grey, strokeWidth: 1, dash: "5 3"))
    }

    // Forecast fan from the last observation.
    let anchor: (Period, Double)? = periods.last.flatMap { p in points.last.map { (p, $0.value) } }
    func band(_ b: [(lower: Double, upper: Double)]) -> [(Double, Double)] {
      var up = [(Double, Double)](), lo = [(Double, Double)]()
      if let (p, v) = anchor { up.append((x(p), yscale(v))); lo.append((x(p), yscale(v))) }
      for (p, iv) in zip(f.periods, b) { up.append((x(p), yscale(iv.upper))); lo.append((x(p), yscale(iv.lower))) }
      return up + lo.reversed()
    }
    if !f.distributions.isEmpty {
      svg.polygon(band(band95), SVGStyle(fill: Palette.skyBlue, opacity: 0.25))
      svg.polygon(band(band80), SVGStyle(fill: Palette.skyBlue, opacity: 0.55))
      var med = anchor.map { [(x($0.0), yscale($0.1))] } ?? []
      med += zip(f.periods, median).map { (x($0.0), yscale($0.1)) }
      svg.polyline(med, SVGStyle(stroke: Palette.ink, strokeWidth: 1.5, dash: "4 3"))
    }

    // Labels in the right margin, pushed apart so that none overlaps another.
    var marginLabels = [(y: Double, text: String, colour: String)]()
    // Target and intervention level.
    func hline(_ v: Double, _ colour: String, _ dash: String, _ label: String) {
      let yy = yscale(v)
      svg.line(left, yy, width - right, yy, SVGStyle(stroke: colour, strokeWidth: 1.6, dash: dash))
      marginLabels.append((yy + 3, label, colour))
    }
    if let t = target { hline(t, Palette.met, "7 3", "target \(Wording.value(t, u))") }
    if let l = level { hline(l, Palette.worse, "2 3", "intervention \(Wording.value(l, u))") }

    // History, broken at gaps.
    var run = [(Double, Double)]()
    var previous: Period?
    for (p, pt) in zip(periods, points) {
      if let q = previous, p.monthIndex - q.monthIndex != s.frequency.monthsPerStep { svg.polyline(run, SVGStyle(stroke: Palette.ink, strokeWidth: 1.8)); run.removeAll() }
      run.append((x(p), yscale(pt.value)))
      previous = p
    }
    svg.polyline(run, SVGStyle(stroke: Palette.ink, strokeWidth: 1.8))
    for (p, pt) in zip(periods, points) {
      let label = "\(Wording.period(p, s.frequency)): \(Wording.value(pt.value, u))"
      switch pt.type {
      case .commonCause: svg.marker(.circle, x(p), yscale(pt.value), r: 3, SVGStyle(fill: Palette.ink), title: label)
      case .specialCauseImprovement:
        svg.marker(.circle, x(p), yscale(pt.value), r: 5, SVGStyle(fill: Palette.improvement, stroke: Palette.ink, strokeWidth: 0.6), title: label + " (improvement)")
      case .specialCauseConcern:
        svg.marker(.square, x(p), yscale(pt.value), r: 4.5, SVGStyle(fill: Palette.concern, stroke: Palette.ink, strokeWidth: 0.6), title: label + " (concern)")
      case .specialCauseNeutral:
        svg.marker(.diamond, x(p), yscale(pt.value), r: 5, SVGStyle(fill: Palette.neutral, stroke: Palette.ink, strokeWidth: 0.6), title: label + " (change)")
      }
    }

    // Comparator marker and the year-end forecast.
    if let c = k.comparator, let p = c.period, p >= firstPeriod.advanced(by: -s.frequency.monthsPerStep), p <= lastPeriod {
      svg.marker(.triangle, x(p), yscale(c.value), r: 5, SVGStyle(fill: "#FFFFFF", stroke: Palette.ink, strokeWidth: 1.4),
                 title: "\(c.name) \(c.when): \(Wording.value(c.value, u))")
      svg.text("\(c.name) \(Wording.value(c.value, u))", x: x(p) + 7, y: yscale(c.value) - 6, size: 9, fill: Palette.ink)
    }
    let ye = o.yearEnd
    if sameScale && ye >= firstPeriod && ye <= lastPeriod {
      svg.marker(.diamond, x(ye), yscale(o.point), r: 5, SVGStyle(fill: Palette.ink), title: "year-end forecast \(Wording.value(o.point, u))")
      marginLabels.append((yscale(o.point) + 3, "forecast \(Wording.value(o.point, u))", Palette.ink))
    }
    for (y, text, colour) in spread(marginLabels, gap: 11, within: (top + 6, height - bottom)) {
      svg.text(text, x: width - right + 4, y: y, size: 9, fill: colour, weight: "bold")
    }
    return svg.render(cssClass: "chart")
  }

  /// Places labels at their wanted heights, in order, at least `gap` apart and inside `within`.
  static func spread(_ labels: [(y: Double, text: String, colour: String)], gap: Double, within: (Double, Double)) -> [(Double, String, String)] {
    var placed = labels.sorted { $0.y < $1.y }.map { (min(max($0.y, within.0), within.1), $0.text, $0.colour) }
    for i in placed.indices.dropFirst() where placed[i].0 < placed[i - 1].0 + gap { placed[i].0 = placed[i - 1].0 + gap }
    if let last = placed.last, last.0 > within.1 {
      let shift = last.0 - within.1
      for i in placed.indices { placed[i].0 -= shift }
      for i in placed.indices.reversed().dropFirst() where placed[i].0 > placed[i + 1].0 - gap { placed[i].0 = placed[i + 1].0 - gap }
    }
    return placed
  }
}
