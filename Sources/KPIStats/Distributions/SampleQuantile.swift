/// The one sample-quantile rule of the statistics: R's default `quantile(type = 7)`,
/// h = (n − 1)p, linear between order statistics (the median of an even count is the mean of
/// the middle two). Empirical distributions, auto's median combination and the pooled annual
/// model all read quantiles here.
public enum SampleQuantile {
  /// The p-quantile of ascending `sorted` values (p clamped to [0, 1]); NaN when empty.
  public static func type7(sorted s: [Double], _ p: Double) -> Double {
    guard !s.isEmpty else { return .nan }
    let h = Double(s.count - 1) * min(max(p, 0), 1)
    let lo = Int(h.rounded(.down))
    let hi = min(lo + 1, s.count - 1)
    return s[lo] + (h - Double(lo)) * (s[hi] - s[lo])
  }

  /// The inverse of ``type7(sorted:_:)``: P(X ≤ x) piecewise linear between the sorted values
  /// (0 below the smallest, 1 from the largest; a run of equal values jumps at once). NaN when
  /// empty.
  public static func type7CDF(sorted s: [Double], _ x: Double) -> Double {
    guard let first = s.first, let last = s.last else { return .nan }
    if s.count == 1 || x >= last { return x >= last ? 1 : 0 }
    if x < first { return 0 }
    // k = the last index with s[k] ≤ x (k < n − 1 here).
    var lo = 0, hi = s.count
    while lo < hi { let mid = (lo + hi) / 2; if s[mid] <= x { lo = mid + 1 } else { hi = mid } }
    let k = lo - 1
    let gap = s[k + 1] - s[k]
    let frac = gap > 0 ? (x - s[k]) / gap : 0
    return (Double(k) + frac) / Double(s.count - 1)
  }

  /// The median of unsorted values; NaN when empty.
  public static func median(_ values: [Double]) -> Double { type7(sorted: values.sorted(), 0.5) }
}
