import KPIData
import KPIStats

/// The seasonal shape a short series borrows from the same indicator in other authorities
/// (a batch with a geography column): empirical Bayes on the model scale.
///
/// For each indicator (same season length and transform), every authority series with at least
/// m + 3 observations gives centred seasonal effects γ_j (level + trend + season regression on
/// the model scale, seasons by calendar), their residual variance σ_j² and the effects' noise
/// σ_j²·m/n_j. With at least ``minimumProfiles`` of them, τ² is the between-series variance of
/// the effects beyond that noise (method of moments, DerSimonian & Laird 1986). A series of at
/// most ``maximumObservations`` values under `auto` without a catalogue prior then gets the others' mean
/// shape as a ``SeasonalPrior`` worth median(σ_j²)/τ² pseudo-observations per season (capped at
/// ``maximumWeight``): alike shapes lend most of themselves, shapes that differ barely anything.
/// The note names how many series it came from.
enum BorrowedShape {
  static let maximumObservations = 8
  static let minimumProfiles = 3
  static let maximumWeight = 8.0

  struct Profile { var effects: [Double]; var sigma2: Double; var noise: Double }

  /// A short series' borrowed shape and the note that says so.
  struct Loan: Sendable {
    var prior: SeasonalPrior
    var note: ForecastNote
    /// `p` with the borrowed shape.
    func lent(to p: PreparedSeries) -> PreparedSeries {
      var p = p
      p.model.seasonalPrior = prior
      p.notes.append(note)
      return p
    }
  }

  /// The borrowed shape of each short series of `prepared`, by index (the batch itself is not
  /// copied: a national batch of prepared series is tens of megabytes).
  static func loans(_ prepared: [PreparedSeries]) -> [Int: Loan] {
    var loans = [Int: Loan]()
    func key(_ p: PreparedSeries) -> String? {
      guard p.refusal == nil, p.model.input.period > 1, p.series.key.geography != nil else { return nil }
      return "\(p.series.key.indicator)|\(p.model.input.period)|\(p.transform.name)"
    }
    func isShort(_ p: PreparedSeries) -> Bool {
      p.model.input.observedCount <= maximumObservations && p.model.seasonalPrior == nil && p.choice == .auto
    }
    // Only the indicators that have a short series under auto are looked at (a national batch
    // of long series, or one not under auto, costs one pass over the flags).
    var wanted = Set<String>()
    for p in prepared where isShort(p) { if let k = key(p) { wanted.insert(k) } }
    guard !wanted.isEmpty else { return loans }
    var kinds = [String: Bool]()  // geography name → is an aggregate (classified once per name)
    var groups = [String: [Int]]()
    for (i, p) in prepared.enumerated() {
      guard let k = key(p), wanted.contains(k), let g = p.series.key.geography else { continue }
      let aggregate = kinds[g] ?? { let a = GeographyKind(name: g).isAggregate; kinds[g] = a; return a }()
      if !aggregate { groups[k, default: []].append(i) }
    }
    for key in groups.keys.sorted() {
      guard let members = groups[key] else { continue }
      let short = members.filter { isShort(prepared[$0]) }
      guard !short.isEmpty else { continue }
      var profiles = [(index: Int, profile: Profile)]()
      for i in members { if let p = profile(prepared[i].model.input) { profiles.append((i, p)) } }
      guard profiles.count >= minimumProfiles else { continue }
      let tau2 = Self.tau2(profiles.map(\.profile))
      let sigma2 = SampleQuantile.median(profiles.map(\.profile.sigma2))
      let weight = min(sigma2 / tau2, maximumWeight)
      guard weight > 1e-3 else { continue }
      let indicator = prepared[members[0]].series.key.indicator
      for i in short {
        let others = profiles.filter { $0.index != i }.map(\.profile)
        guard others.count >= minimumProfiles, let prior = try? SeasonalPrior(effects: meanShape(others), weight: weight) else { continue }
        loans[i] = Loan(prior: prior, note: .seasonalPrior(
          "seasonal shape borrowed from \(others.count) other series of \(indicator) (worth \(NumberFormat.human(weight, decimals: 1)) observations a season)"))
      }
    }
    return loans
  }

  /// τ²: the between-series variance of the profiles' effects beyond their estimation noise,
  /// averaged over seasons (method of moments, DerSimonian & Laird 1986); at least 1e-12.
  static func tau2(_ profiles: [Profile]) -> Double {
    guard profiles.count >= 2, let m = profiles.first?.effects.count, m > 0 else { return 1e-12 }
    var between = 0.0
    for s in 0..<m {
      let e = profiles.map { $0.effects[s] }
      let mean = e.reduce(0, +) / Double(e.count)
      between += e.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(e.count - 1)
    }
    let noise = profiles.reduce(0) { $0 + $1.noise } / Double(profiles.count)
    return max(between / Double(m) - noise, 1e-12)
  }

  /// The profiles' mean effect for each season.
  static func meanShape(_ profiles: [Profile]) -> [Double] {
    let m = profiles.first?.effects.count ?? 0
    return (0..<m).map { s in profiles.reduce(0) { $0 + $1.effects[s] } / Double(profiles.count) }
  }

  /// Centred seasonal effects (by calendar season), residual variance and the effects' noise of
  /// a series on its model scale; nil with fewer than m + 3 observations or no residual spread.
  static func profile(_ x: SeriesInput) -> Profile? {
    let m = x.period, n = x.observedCount
    guard m > 1, n >= m + 3,
          let fit = try? SeasonalRegression(trend: true, seasonal: true, minimumSeasonalCycles: 1).fit(x),
          fit.termNames.contains(where: { $0.hasPrefix("season") }), fit.sigma > 0 else { return nil }
    var gamma = [Double](repeating: 0, count: m)
    for (k, name) in fit.termNames.enumerated() where name.hasPrefix("season") {
      if let s = Int(name.dropFirst("season".count)), s >= 2, s <= m { gamma[s - 1] = fit.coefficients[k] ?? 0 }
    }
    let mean = gamma.reduce(0, +) / Double(m)
    let s2 = fit.sigma * fit.sigma
    return Profile(effects: gamma.map { $0 - mean }, sigma2: s2, noise: s2 * Double(m) / Double(n))
  }
}
