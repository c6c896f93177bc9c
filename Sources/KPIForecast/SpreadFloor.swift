import KPIStats

/// The band a short or flat series borrows from its batch, so no band is zero-width or absurd
/// unless the catalogue declares the KPI fixed.
///
/// Peer scale σ_peer: for every series of the batch with at least ``minimumPeerLength``
/// observations, the root mean square of its one-step changes on the model scale after taking
/// out each season's mean (relative to the mean level when untransformed); the median over
/// the series of the same seasonal period and transform, when at least ``minimumPeers`` have
/// one; else a default for the scale (log, log1p, logit: 0.1, about ±10% a step; sqrt: 0.5;
/// untransformed: 10% of the level).
/// A series whose model estimated σ̂ from d one-step changes gets
/// σ² = (d·σ̂² + k·σ_peer²)/(d + k), k = ``priorChanges``; a series whose model gives no spread
/// at all (a constant, one observation) gets σ = σ_peer·√(k/(n − 1 + k)). Either spreads as a
/// random walk, σ·√h at step h (empirical Bayes in the simplest form; *FPP3* §5.5 for the walk),
/// and a step is Student-t with d + k degrees of freedom (d = n − 1 for the second form): σ² is
/// the posterior mean under a scaled inverse-χ² prior of k pseudo-changes, and a new draw's
/// predictive is then t, not normal (Gelman et al., *Bayesian Data Analysis*, §3.2–3.3).
public struct SpreadFloor: Sendable {
  public static let minimumPeerLength = 8
  public static let minimumPeers = 3
  public static let priorChanges = 3.0

  var groups: [String: (sigma: Double, peers: Int)]

  public init(batch: [PreparedSeries]) {
    var byKey = [String: [Double]]()
    for p in batch where p.refusal == nil && p.observedCount >= Self.minimumPeerLength {
      if let s = Self.changeScale(p.model) { byKey[Self.key(p.model), default: []].append(s) }
    }
    groups = byKey.compactMapValues { xs -> (Double, Int)? in
      guard xs.count >= Self.minimumPeers else { return nil }
      return (SampleQuantile.median(xs), xs.count)
    }
  }

  static func key(_ m: ModelInput) -> String { "\(m.input.period)|\(m.transform.name)" }

  /// RMS of deseasonalised one-step changes (relative to the mean level for `none`).
  static func changeScale(_ m: ModelInput) -> Double? {
    let v = m.input.values, p = m.input.period
    var sums = [Double](repeating: 0, count: p), counts = [Int](repeating: 0, count: p)
    for (t, y) in v.enumerated() where !y.isNaN { sums[m.input.season(at: t)] += y; counts[m.input.season(at: t)] += 1 }
    let means = zip(sums, counts).map { $1 > 0 ? $0 / Double($1) : 0 }
    var ss = 0.0, n = 0, prev: (Int, Double)?
    for (t, y) in v.enumerated() where !y.isNaN {
      let a = y - means[m.input.season(at: t)]
      if let (tp, ap) = prev { let d = (a - ap) / Double(t - tp).squareRoot(); ss += d * d; n += 1 }
      prev = (t, a)
    }
    guard n > 0 else { return nil }
    var s = (ss / Double(n)).squareRoot()
    if m.transform == .none {
      let obs = m.observed
      let level = abs(obs.reduce(0, +) / Double(obs.count))
      guard level > 0 else { return nil }
      s /= level
    }
    return s.isFinite ? s : nil
  }

  /// σ_peer for a series on its model scale, and how many peers it came from (0 = the default).
  public func peerScale(_ m: ModelInput) -> (sigma: Double, peers: Int) {
    let level = abs(m.observed.last ?? 0)
    let relative = m.transform == .none
    if let g = groups[Self.key(m)] { return (relative ? g.sigma * max(level, 1e-9) : g.sigma, g.peers) }
    switch m.transform {
    case .none: return (0.1 * max(level, 1e-9), 0)
    case .sqrt: return (0.5, 0)
    default: return (0.1, 0)
    }
  }

  /// Degrees of freedom of a borrowed band whose own σ̂ rests on `changes` one-step changes.
  public static func degreesOfFreedom(changes: Int) -> Double { Double(max(changes, 0)) + priorChanges }

  /// The shrunk σ for a model that estimated `own` from `changes` one-step changes: the
  /// posterior mean of σ² under a prior of ``priorChanges`` pseudo-changes at σ_peer
  /// (``VariancePrior/posterior(variance:df:)``). A series with no spread of its own passes
  /// `own` 0 on n − 1 changes, giving σ_peer·√(k/(n − 1 + k)).
  public func shrunk(own: Double, changes: Int, peer: Double) -> Double {
    VariancePrior(scale: peer * peer, df: Self.priorChanges, count: 0)
      .posterior(variance: own * own, df: Double(max(changes, 0))).squareRoot()
  }
}
