import KPIStats

extension ModelChoice {
  /// Fits this specification to a series on the model scale. `auto` follows
  /// ``AutoConfiguration/form(for:)``; its members that fail are left out and named, and if all
  /// fail seasonal naive is used.
  public func fit(_ m: ModelInput, auto c: AutoConfiguration = AutoConfiguration()) throws -> ModelFit {
    switch self {
    case .auto:
      switch c.form(for: m) {
      case .follow:
        return ModelFit(choice: .auto, single: try FollowLast(damping: c.followDamping, seasonalPrior: m.seasonalPrior).fit(m.input))
      case .regression:
        return ModelFit(choice: .auto, single: try Self.fallbackRegression(m).fit(m.input))
      case .rule(let rule):
        // A member that cannot run on the series (averaged seasonal naive on five quarters) is
        // replaced by seasonal naive, else the last value, so the rule keeps its shape: the
        // median of three stays a median (as ``AutoLearner`` scores it).
        var fits = [any FittedForecastModel](), labels = [String](), warnings = [String]()
        for fam in rule.members {
          let f = try Self.fitOrSimplest(fam, m)
          if f.replaced { warnings.append("\(fam.rawValue) cannot run on this series: \(f.fit.label) in its place") }
          fits.append(f.fit); labels.append(f.fit.label)
        }
        return ModelFit(choice: .auto, members: fits, labels: labels, warnings: warnings, combination: rule.combination)
      }
    default:
      return ModelFit(choice: self, single: try fitSingle(m))
    }
  }

  /// `family`'s fit, or seasonal naive, or the last value when neither runs; `replaced` says so.
  static func fitOrSimplest(_ family: ModelChoice, _ m: ModelInput) throws -> (fit: any FittedForecastModel, replaced: Bool) {
    if let f = try? family.fitSingle(m, member: true) { return (f, false) }
    if let f = try? SeasonalNaive().fit(m.input) { return (f, true) }
    return (try FollowLast().fit(m.input), true)
  }

  /// One family's fit; as a `member` of `auto`, ETS stops at ``AutoConfiguration/memberETSTolerance``.
  func fitSingle(_ m: ModelInput, member: Bool = false) throws -> any FittedForecastModel {
    switch self {
    case .auto: return try Self.fallbackRegression(m).fit(m.input)
    case .snaive: return try SeasonalNaive().fit(m.input)
    case .drift: return try Drift().fit(m.input)
    case .regression: return try SeasonalRegression(levelShifts: m.levelShifts, seasonalPrior: m.seasonalPrior).fit(m.input)
    case .seasonalLevel:
      return try SeasonalRegression(trend: false, levelShifts: m.levelShifts, seasonalPrior: m.seasonalPrior).fit(m.input)
    case .snaiveAvg: return try AveragedSeasonalNaive(seasonalPrior: m.seasonalPrior).fit(m.input)
    case .ets:
      let tolerance = member ? AutoConfiguration.memberETSTolerance : NelderMead.Options().relativeTolerance
      if let start = m.etsStart, var ets = try? ETS(start.model) {
        ets.relativeTolerance = tolerance
        if let fit = try? ets.fit(m.input, warmStart: start) { return fit }
      }
      // On a transformed scale only additive forms, as R's ets() with lambda (additive.only).
      let additiveOnly = m.transform != .none ? Set(ETSModelType.candidates(seasonal: true, positive: false)) : nil
      var selection = ETSSelection(allowed: additiveOnly)
      selection.relativeTolerance = tolerance
      return try selection.fit(m.input)
    case .theta: return try Theta(decomposition: m.transform != .none ? .additive : .automatic).fit(m.input)
    case .thetaOpt:
      return try Theta(method: .optimised, decomposition: m.transform != .none ? .additive : .automatic).fit(m.input)
    case .naive: return try FollowLast().fit(m.input)
    }
  }

  /// The regression `auto` falls back to: at least 3 residual df, and no trend under two
  /// seasonal cycles, where trend and season are confounded (a trend fitted to a few quarters
  /// beside seasonal terms nearly interpolates them and gives overconfident bands).
  static func fallbackRegression(_ m: ModelInput) -> SeasonalRegression {
    let p = max(m.input.period, 1)
    let trend = p == 1 || m.input.observedCount >= 2 * p
    return SeasonalRegression(trend: trend, levelShifts: m.levelShifts, seasonalPrior: m.seasonalPrior, minimumResidualDF: 3)
  }
}
