import KPIData
import KPIStats

/// Builds rolling-origin backtest cases from KPI series or benchmark series.
public enum BacktestCases {
  /// Rolling origins o = n − holdout − j (j = 0 … origins−1, latest first) with at least
  /// `minimumTrain` observed values before each; a series too short for a full holdout gets
  /// origins with a shorter one. Each case is the series cut at its origin and prepared as the
  /// forecast command prepares it (``PreparedSeries``, under `options`), forecasting the values
  /// after the origin (up to `holdout`). Returns the cases and notes for series with fewer
  /// origins than asked.
  public static func rollingOrigin(_ series: [KPISeries], holdout: Int, origins: Int, options: ForecastOptions,
                                   minimumTrain: Int = 3) -> (cases: [BacktestCase], notes: [String]) {
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
        var opts = options
        opts.horizon = .steps(min(n, o + holdout) - o)
        let prepared = PreparedSeries(cut, options: opts)
        if let r = prepared.refusal {
          notes.append("\(s.key): \(r)")
          break
        }
        cases.append(BacktestCase(id: "\(s.key)@\(s.period(at: o - 1))", group: s.key.description, prepared: prepared,
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

  /// One case per benchmark series: the `train` rows as training data (an untransformed number
  /// series), the `test` rows held out.
  public static func benchmark(_ data: [BenchmarkSeries], period: Int, options: ForecastOptions = ForecastOptions(transform: .none)) -> [BacktestCase] {
    let frequency: Frequency = period == 12 ? .monthly : period == 4 ? .quarterly : .annual
    return data.map { s in
      // A grid whose first period has the series' season (financial order, season 0 = April / Q1).
      let first = s.firstSeason ?? 0
      let start = Period(year: 2001, month: 3).advanced(by: (first + 1) * frequency.monthsPerStep)
      let series = KPISeries(key: SeriesKey(indicator: s.id), frequency: frequency, start: start, values: s.train, unit: .number, unitSource: "input")
      var opts = options
      opts.horizon = .steps(s.test.count)
      return BacktestCase(id: s.id, group: s.id, prepared: PreparedSeries(series, options: opts), trainData: s.train, actual: s.test)
    }
  }
}
