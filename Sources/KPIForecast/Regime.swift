/// A regime of series for `auto`: the seasonal period and a band of history length. Seasonal
/// series: up to one cycle, up to two, up to three, longer (quarterly 1–4, 5–8, 9–12, 13+;
/// monthly 1–12, 13–24, 25–36, 37+); non-seasonal: 1–4, 5–8, 9–16, 17+ observations.
public struct Regime: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var period: Int
  /// 1 … 4, shortest first.
  public var band: Int

  public init(period: Int, band: Int) {
    self.period = period
    self.band = band
  }

  /// The regime of a series of `observed` values with seasonal period `period`.
  public init(period: Int, observed n: Int) {
    self.period = period
    if period > 1 {
      band = min(max((n + period - 1) / period, 1), 4)
    } else {
      band = n <= 4 ? 1 : n <= 8 ? 2 : n <= 16 ? 3 : 4
    }
  }

  /// Bounds of the band's history length (observations).
  public var lengths: (lower: Int, upper: Int?) {
    if period > 1 { return ((band - 1) * period + 1, band == 4 ? nil : band * period) }
    return [(1, 4), (5, 8), (9, 16), (17, nil)][band - 1]
  }

  var frequencyName: String { period == 12 ? "monthly" : period == 4 ? "quarterly" : period == 1 ? "non-seasonal" : "period-\(period)" }

  /// `quarterly series of 5–8 observations`.
  public var description: String {
    let (lo, hi) = lengths
    return "\(frequencyName) series of \(hi.map { "\(lo)–\($0)" } ?? "\(lo)+") observations"
  }

  /// A short key for tables and the committed rule file: `q5-8`, `m37+`.
  public var key: String {
    let (lo, hi) = lengths
    let f = period == 12 ? "m" : period == 4 ? "q" : period == 1 ? "a" : "p\(period)-"
    return f + (hi.map { "\(lo)-\($0)" } ?? "\(lo)+")
  }

  public static func < (a: Regime, b: Regime) -> Bool { (a.period, a.band) < (b.period, b.band) }
}
