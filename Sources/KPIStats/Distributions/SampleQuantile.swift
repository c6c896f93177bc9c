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

  /// The median of unsorted values; NaN when empty.
  public static func median(_ values: [Double]) -> Double { type7(sorted: values.sorted(), 0.5) }
}
