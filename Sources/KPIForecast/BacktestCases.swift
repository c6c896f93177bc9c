import KPIData
import KPIStats

/// Builds rolling-origin backtest cases from KPI series or benchmark series.
public enum BacktestCases {
  /// Method for a `--model` choice.
  public static func method(_ choice: ModelChoice) -> BacktestMethod {
    switch choice {
    case .auto: return .auto(AutoConfiguration())
    case .regression: return .family(.regression)
    case .snaive: return .family(.snaive)
    case .drift: return .family(.drift)
    case .ets: return .family(.ets)
    case .theta: return .family(.theta)
    case .snaiveAvg: return .family(.averagedSeasonalNaive)
    }
  }

  /// Rolling origins o = n − holdout − j (j = 0 … origins−1, latest first) with at least
  /// `minimumTrain` observed values before each; a series too short for a full holdout gets
  /// origins with a shorter one. Each case forecasts the values after its origin (up to
  /// `holdout`). Returns the cases and notes for series with fewer origins than asked.
  public static func rollingOrigin(_ series: [KPISeries], holdout: Int, origins: Int, transform: TransformChoice,
                                   minimumTrain: Int = 3) throws -> (cases: [BacktestCase], notes: [String]) {
    var cases = [BacktestCase](), notes = [String]()
    for s in series {
      var v = s.values
      while let l = v.last, l.isNaN, v.count > 1 { v.removeLast() }
      let n = v.count
      var made = 0
      var o = n - holdout
      if o < minimumTrain { o = n - 1 }
      while made < origins && o >= 1 {
        let train = Array(v.prefix(o))
        if train.reduce(0, { $1.isNaN ? $0 : $0 + 1 }) < minimumTrain { break }
        var cut = s
        cut.values = train
        let t = try TransformPolicy.choose(transform, for: cut)
        let input = SeriesInput(values: train.map { $0.isNaN ? .nan : t.forward($0) }, period: s.frequency.seasonalPeriod,
                                firstSeason: s.firstSeason)
        var priorNotes = [String]()
        let prior = Forecaster.seasonalPrior(for: cut, input: input, transform: t, warnings: &priorNotes)
        if made == 0 { notes += priorNotes.map { "\(s.key): \($0)" } }
        cases.append(BacktestCase(id: "\(s.key)@\(s.period(at: o - 1))", group: s.key.description,
                                  model: ModelInput(input: input, transform: t, seasonalPrior: prior),
                                  trainData: train, actual: Array(v[o..<min(n, o + holdout)])))
        made += 1
        o -= 1
      }
      if made < origins {
        let observed = v.reduce(0) { $1.isNaN ? $0 : $0 + 1 }
        notes.append("\(s.key): \(observed) observed values in \(n) periods allow \(made) of \(origins) origins (each needs \(minimumTrain) training values)"
                     + (made == 0 ? ": not backtested" : ""))
      }
    }
    return (cases, notes)
  }

  /// One case per benchmark series: the `train` rows as training data, the `test` rows held out.
  public static func benchmark(_ data: [BenchmarkSeries], period: Int) -> [BacktestCase] {
    data.map { s in
      let input = SeriesInput(values: s.train, period: period, firstSeason: s.firstSeason ?? 0)
      return BacktestCase(id: s.id, group: s.id, model: ModelInput(input: input), trainData: s.train, actual: s.test)
    }
  }
}
