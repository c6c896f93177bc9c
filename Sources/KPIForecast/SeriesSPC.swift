import KPIData
import KPIStats

/// One series' XmR chart (``XmR``) with the periods of its points: missing values are left out
/// (their neighbours count as consecutive), segments rebase at the catalogue's `level_shifts` and
/// at any extra periods given, and the direction follows the polarity (Plan is Best and an
/// unknown polarity are neutral).
public struct SeriesSPC: Sendable {
  public var series: KPISeries
  /// The period of each chart point, in order.
  public var periods: [Period]
  public var chart: XmRChart
  /// The periods at which a new segment starts (rebases that fell inside the data).
  public var rebases: [Period]

  /// Points below which the package calls its limits "trial limits" (`ptd_add_short_group_warnings`).
  public static let trialLimitPoints = 12

  /// A plain note when a segment has fewer than ``trialLimitPoints`` points; nil otherwise.
  public var note: String? {
    let sizes = Dictionary(grouping: chart.points, by: \.segment).values.map(\.count)
    guard let smallest = sizes.min(), smallest < Self.trialLimitPoints else { return nil }
    return "fewer than \(Self.trialLimitPoints) points\(sizes.count > 1 ? " in a segment" : ""): trial limits, to be revised as data arrive"
  }

  /// The chart of `series`; `levelShifts` add to the catalogue's.
  public init(series: KPISeries, levelShifts: [Period] = [], rules: SPCRuleSet = .ptd010) {
    self.series = series
    var periods = [Period](), values = [Double]()
    for (i, v) in series.values.enumerated() where v.isFinite {
      periods.append(series.period(at: i))
      values.append(v)
    }
    let shifts = Set((series.entry?.levelShifts ?? []).compactMap { Period.parse($0)?.period } + levelShifts)
    // A shift starts a segment at the first observed period at or after it.
    let starts = Set(shifts.compactMap { s in periods.firstIndex { $0 >= s } }).filter { $0 > 0 }.sorted()
    self.periods = periods
    self.rebases = starts.map { periods[$0] }
    self.chart = XmR.analyse(values, segmentStarts: starts, direction: Self.direction(series.polarity), rules: rules)
  }

  /// Bigger is Better → increase, Smaller is Better → decrease, otherwise neutral.
  public static func direction(_ p: Polarity?) -> SPCDirection {
    switch p {
    case .bigger: .increase
    case .smaller: .decrease
    case .plan, nil: .neutral
    }
  }

  /// Charts of many series, in order.
  public static func charts(_ series: [KPISeries], levelShifts: [Period] = [], rules: SPCRuleSet = .ptd010) -> [SeriesSPC] {
    series.map { SeriesSPC(series: $0, levelShifts: levelShifts, rules: rules) }
  }
}
