/// NHS "Making Data Count" XmR charts, as NHSRplotthedots 0.1.0 computes them
/// (`ptd_spc_standard`, `ptd_calculate_point_type`).
///
/// Per segment (a rebase starts a new one): mean x̄; moving ranges mRᵢ = |xᵢ − xᵢ₋₁|; mR̄ their
/// mean; moving ranges with mR ≥ 3.267 × mR̄ screened out and mR̄ recomputed; limits
/// x̄ ∓ 2.66 mR̄ and "near" limits x̄ ∓ (2 × 2.66 / 3) mR̄. A point is special cause when it is
/// outside the limits (strictly), part of 7 consecutive points on one side of the mean (a point
/// on the mean breaks a run), part of 7 points each strictly rising (or falling, under
/// ``SPCRuleSet/corrected``) from the one before, or a near-limit point in a window of 3 holding
/// 2 or more near-limit points. Windows never reach across a rebase. Improvement or concern
/// follows the side of the mean against the direction; neutral without one.
///
/// Two cases the package leaves undefined are given values here: a segment whose moving ranges
/// are all zero (a constant) has mR̄ = 0 and limits on the mean (the package's screen removes
/// every range and gives NaN); a one-point segment has NaN limits and is common cause.
public enum XmR {
  /// The limit multiplier 2.66 (= 3 / d₂, d₂ = 1.128).
  public static let limitFactor = 2.66
  /// Moving ranges at or above this multiple of their mean are screened out (3.267 = D₄).
  public static let screenFactor = 3.267

  /// The chart of `values` (finite, in time order). `segmentStarts` are the indices where a
  /// rebase starts a new segment (0 and out-of-range indices are ignored).
  public static func analyse(_ values: [Double], segmentStarts: [Int] = [], direction: SPCDirection = .neutral,
                             rules: SPCRuleSet = .ptd010) -> XmRChart {
    let n = values.count
    let starts = ([0] + segmentStarts.filter { $0 > 0 && $0 < n }).sorted()
    var bounds = [Range<Int>]()
    for (k, s) in starts.enumerated() where k == 0 || s != starts[k - 1] {
      bounds.append(s..<n)
      if bounds.count > 1 { bounds[bounds.count - 2] = bounds[bounds.count - 2].lowerBound..<s }
    }
    var points = [XmRPoint]()
    points.reserveCapacity(n)
    for (g, r) in bounds.enumerated() where !r.isEmpty {
      points += segment(Array(values[r]), offset: r.lowerBound, segment: g, direction: direction, rules: rules)
    }
    return XmRChart(points: points, direction: direction, rules: rules)
  }

  /// Mean and screened mean moving range of one segment.
  public static func centre(_ y: [Double]) -> (mean: Double, meanMovingRange: Double) {
    guard !y.isEmpty else { return (.nan, .nan) }
    let mean = y.reduce(0, +) / Double(y.count)
    guard y.count > 1 else { return (mean, .nan) }
    let mr = (1..<y.count).map { abs(y[$0] - y[$0 - 1]) }
    let amr0 = mr.reduce(0, +) / Double(mr.count)
    if amr0 == 0 { return (mean, 0) }
    let kept = mr.filter { $0 < screenFactor * amr0 }
    return (mean, kept.reduce(0, +) / Double(kept.count))
  }

  static func segment(_ y: [Double], offset: Int, segment g: Int, direction: SPCDirection, rules: SPCRuleSet) -> [XmRPoint] {
    let n = y.count
    let (mean, amr) = centre(y)
    let lpl = mean - limitFactor * amr, upl = mean + limitFactor * amr
    let close = 2 * (limitFactor / 3)
    let nlpl = mean - close * amr, nupl = mean + close * amr
    let outside = y.map { $0 > upl || $0 < lpl }
    let side = y.map { v -> Int in v > mean ? 1 : (v < mean ? -1 : 0) }
    let near = (0..<n).map { !outside[$0] && (y[$0] < nlpl || y[$0] > nupl) }

    // A run of 7 on one side ends at i when side[i-6...i] are equal and non-zero.
    var runEnds = [Int](repeating: 0, count: n)
    for i in 6..<max(n, 6) where side[i] != 0 && (i - 6...i).allSatisfy({ side[$0] == side[i] }) { runEnds[i] = 1 }
    // A trend of 7 ends at i when each of the 6 steps into i rises (1) or each falls (−1).
    var trendEnds = [Int](repeating: 0, count: n)
    for i in 6..<max(n, 6) {
      let steps = (i - 5...i).map { y[$0] > y[$0 - 1] ? 1 : (y[$0] < y[$0 - 1] ? -1 : 0) }
      if steps.allSatisfy({ $0 == 1 }) { trendEnds[i] = 1 } else if steps.allSatisfy({ $0 == -1 }) { trendEnds[i] = -1 }
    }
    let inRun = partOfSeven(runEnds, countFalling: true)
    let inTrend = partOfSeven(trendEnds, countFalling: rules == .corrected)
    // 2 of 3: a near-limit point in a window of 3 (of this segment) with at least 2 near-limit points.
    var twoOfThree = [Bool](repeating: false, count: n)
    for i in 0..<n where near[i] {
      for start in (i - 2)...i {
        let window = (start...start + 2).filter { $0 >= 0 && $0 < n }
        let count = window.filter { near[$0] }.count
        let sameSide = window.count == 3 && abs(window.reduce(0) { $0 + side[$1] }) == 3
        if count >= 2 && (rules == .ptd010 || sameSide) { twoOfThree[i] = true; break }
      }
    }
    return (0..<n).map { i in
      var r = SPCRules()
      if outside[i] { r.insert(.outsideLimits) }
      if inRun[i] { r.insert(.runOfSeven) }
      if inTrend[i] { r.insert(.trendOfSeven) }
      if twoOfThree[i] { r.insert(.twoOfThree) }
      let type: SPCPointType
      if r.isEmpty { type = .commonCause }
      else if direction == .neutral { type = .specialCauseNeutral }
      else if side[i] == direction.rawValue { type = .specialCauseImprovement }
      else { type = .specialCauseConcern }
      return XmRPoint(index: offset + i, value: y[i], mean: mean, lpl: lpl, upl: upl, segment: g, rules: r, type: type)
    }
  }

  /// Points i whose window i…i+6 holds the end of a pattern (1, or −1 when `countFalling`).
  static func partOfSeven(_ ends: [Int], countFalling: Bool) -> [Bool] {
    let n = ends.count
    return (0..<n).map { i in (i..<min(i + 7, n)).contains { ends[$0] == 1 || (countFalling && ends[$0] == -1) } }
  }
}
