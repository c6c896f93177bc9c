import Foundation
import KPIStats

/// How `auto` learns from the batch (issue "Accuracy where councils live"): per ``Regime``, every
/// candidate ``AutoRule`` is scored on rolling-origin forecasts inside the series' own training
/// data — never the span being forecast — pooled over the regime's series, and the rule with
/// the lowest mean scaled absolute error is used for every series of that regime. The chosen
/// rule's standardised errors at the same origins calibrate that regime's intervals
/// (``IntervalCalibration``: per regime and per step, not one pooled curve).
///
/// The scale of series i is the mean absolute seasonal difference (lag m; lag 1 for a series of
/// one cycle or less) of its whole training history on the model scale, so every series weighs
/// alike (MASE's scale). Origins: up to `origins` with a full horizon of 2 cycles after them and
/// 2 cycles before (long series), else every origin from n − 1 down to half the series (two
/// cycles or less: down to m + 2 values; one cycle or less: down to one value). Each family is
/// fitted once per origin and every rule reads those fits. A regime with fewer than
/// ``minimumSeries`` series that give errors, and every seasonal regime of one cycle or less,
/// uses the rule learned on the dev sets (``defaultRules``, printed by `kpi-bench --learn`).
/// For two cycles or less, errors are standardised by each series' leave-one-out scale shrunk
/// toward the batch's (``scalePriors(_:)``, empirical Bayes). A regime of three cycles or more is
/// calibrated only on the errors of ``minimumCalibrationSeries`` series or more (``calibratesFrom(series:regime:)``).
public enum AutoLearner {
  public static let minimumSeries = 30
  /// Most series per regime that are evaluated (an evenly spaced, deterministic sample).
  public static let maximumSeries = 400

  /// The rule per regime learned on the dev sets' training data (Tourism quarterly and monthly,
  /// `kpi-bench --learn`; docs/ACCURACY.md), for regimes a run has too few series to learn.
  public static let defaultRules: [Regime: AutoRule] = [
    Regime(period: 4, band: 1): AutoRule([.seasonalLevel]),
    Regime(period: 4, band: 2): AutoRule([.snaive, .snaiveAvg], .mean),
    Regime(period: 4, band: 3): AutoRule([.snaive, .snaiveAvg, .theta]),
    Regime(period: 4, band: 4): AutoRule([.ets, .theta, .snaive]),
    Regime(period: 12, band: 1): AutoRule([.seasonalLevel]),
    Regime(period: 12, band: 2): AutoRule([.snaive, .snaiveAvg, .seasonalLevel]),
    Regime(period: 12, band: 3): AutoRule([.snaive, .snaiveAvg, .theta]),
    Regime(period: 12, band: 4): AutoRule([.ets, .theta, .snaive]),
  ]

  /// The dev-set rule for a regime; for periods without one, the seasonal-naive family's forms.
  public static func defaultRule(_ r: Regime) -> AutoRule {
    if let rule = defaultRules[r] { return rule }
    switch r.band {
    case 1: return AutoRule([.seasonalLevel])
    case 4: return AutoRule([.ets, .theta, .snaive])
    default: return AutoRule([.snaive, .snaiveAvg, .theta])
    }
  }

  /// One rolling-origin forecast of one series: the actual values after the origin and, per
  /// candidate family, the point forecast and spread at each step.
  public struct OriginForecast: Sendable {
    /// Whether the rule is chosen on this origin (the calibration reads every origin).
    var selects: Bool
    var actual: [Double]
    var mean: [[Double]]
    var sd: [[Double]]
    /// Per step, the series' error scale leaving that step's value out (``errorScale(_:leavingOut:)``).
    var scales: [Double?] = []
  }

  /// A series' rolling-origin forecasts and its error scale.
  public struct Evaluation: Sendable {
    var regime: Regime
    var scale: Double
    var origins: [OriginForecast]
    /// The ETS fit on the whole series (form by AICc), when ETS was evaluated.
    var etsFit: ETSFit? = nil
  }

  /// What was learned for one regime.
  public struct Outcome: Sendable {
    public var regime: Regime
    public var rule: AutoRule
    /// True when chosen from this run's errors; false when the dev-set rule was used.
    public var learned: Bool
    /// Series that gave rolling-origin forecasts, and the chosen rule's errors among them.
    public var series: Int
    public var errors: Int
    public var calibration: IntervalCalibration?
    /// Per transform name, the prior the regime's error scales were shrunk toward (series of
    /// two cycles or less, ``scalePriors(_:)``).
    public var scalePriors: [ScaleGroup: VariancePrior] = [:]

    /// The prior for a series of this regime.
    public func scalePrior(_ m: ModelInput) -> VariancePrior? { scalePriors[ScaleGroup(m)] }

    /// The note a series of this regime carries: the rule, how it was chosen, and — when the
    /// series is calibrated — on how many errors and what its error scale borrowed.
    public func note(for m: ModelInput) -> String {
      let prior = scalePrior(m)
      let used = AutoLearner.calibrates(regime, prior: prior) ? calibration : nil
      let rule = learned
        ? "auto for \(regime): \(rule), chosen on rolling origins of \(series) series (\(errors) errors calibrate its intervals)"
        : "auto for \(regime): \(rule) (the rule learned on the dev sets; \(AutoLearner.withinOneCycle(regime) ? "one cycle is too short to choose among the candidates" : "too few series here to learn one"))"
          + (used.map { ", its intervals calibrated on \($0.count) rolling-origin errors of \(series) series" } ?? "")
      guard used != nil, let prior else { return rule }
      let group = ScaleGroup(m)
      let scale = group.transform == "none" ? "untransformed, relative to level" : "on the \(group.transform) scale"
      let weight = prior.df.isFinite ? "the batch weighing as much as \(String(format: "%.1f", prior.df)) of a series' own differences"
        : "wholly: their own scales differ no more than chance makes them"
      return rule + "; each series' error scale shrunk toward its batch's (\(prior.count) series \(scale), \(weight))"
    }
  }

  /// Origins for a series of `n` values (see the type's documentation). A series of two cycles
  /// or less is only cut where the shorter series is still in its regime (a five-quarter series
  /// is not judged by forecasts from three quarters, where seasonal naive cannot run); longer
  /// ones down to half their length.
  static func origins(n: Int, period m: Int, count: Int) -> [Int] {
    let horizon = 2 * max(m, 1)
    let band = Regime(period: max(m, 1), observed: n)
    guard n < 2 * horizon else { return IntervalCalibration.origins(n: n, horizon: horizon, count: count, minimumTrain: max(2 * m, 6)) }
    // Short: the last `count` origins (n − 1, n − 2, …: the rule is chosen on these, nearest the
    // history it will forecast from), then every other origin further back to the regime's
    // shortest length (at most `count` more), so the calibration's errors reach several steps.
    // Every candidate must run at the cut (averaged seasonal naive needs m + 1 values; cuts keep
    // m + 2), or the comparison is between their stand-ins.
    // One cycle or less: every origin down to a single value. The dev-set rule (seasonal level)
    // runs from one value, and each error's scale is shrunk toward the batch's (its own, left
    // out, may have no difference at all).
    if withinOneCycle(band) { return Array(stride(from: n - 1, through: 1, by: -1).prefix(2 * count)) }
    let lowest = max(m > 1 ? m + 2 : 2, band.band <= 2 ? band.lengths.lower : (n + 1) / 2)
    var out = [Int](), o = n - 1
    while out.count < count && o >= lowest { out.append(o); o -= 1 }
    o -= 1
    while out.count < 2 * count && o >= lowest { out.append(o); o -= 2 }
    return out
  }

  /// A series' error scale on the model scale: the mean absolute seasonal difference (lag 1
  /// for a series of one cycle or less); nil when it is zero or undefined.
  public static func errorScale(_ m: ModelInput) -> Double? { errorScale(m, leavingOut: nil) }

  /// ``errorScale(_:)`` without the differences that involve value t (leave-one-out): the scale
  /// an error at t is standardised by, so that it is not measured against a spread containing
  /// itself — as the forecast's band multiplies the scale of a history without the future value.
  /// nil when no other difference is left or the scale is zero.
  static func errorScale(_ m: ModelInput, leavingOut t: Int?) -> Double? {
    guard let (scale, _) = ownScale(m, leavingOut: t), scale > 0 else { return nil }
    return scale
  }

  /// The mean absolute seasonal difference (leaving value t out) and how many differences it
  /// averages; nil when there are none or it is not finite.
  static func ownScale(_ m: ModelInput, leavingOut t: Int?) -> (scale: Double, differences: Int)? {
    let v = m.input.values, p = max(m.input.period, 1)
    let lag = m.input.observedCount > p ? p : 1
    var sum = 0.0, k = 0
    if v.count > lag {
      for s in lag..<v.count where s != t && s - lag != t && !v[s].isNaN && !v[s - lag].isNaN {
        sum += abs(v[s] - v[s - lag]); k += 1
      }
    }
    guard k > 0 else { return nil }
    let scale = sum / Double(k)
    return scale.isFinite ? (scale, k) : nil
  }

  /// Degrees of freedom of a mean absolute difference of k differences used as a variance
  /// estimate: the d at which a χ² variance's log varies as much as its square's under normal
  /// differences, k·(e + (1 − e)·4.5/(k + 3.5)), e = 1/(π − 2) ≈ 0.876 (the mean absolute
  /// deviation's efficiency, its limit); exactly 1 at k = 1, within 0.6% of the simulated
  /// values of `notebooks-data/reference/mean_abs_df_reference.py` for k = 1…24.
  public static func effectiveDegreesOfFreedom(differences k: Int) -> Double {
    let e = 1 / (Double.pi - 2), d = Double(k)
    return d * (e + (1 - e) * 4.5 / (d + 3.5))
  }

  /// The level a scale is relative to when the series is untransformed: the mean absolute
  /// observed value (leaving value t out); nil when zero.
  static func relativeLevel(_ m: ModelInput, leavingOut t: Int?) -> Double? {
    guard m.transform == .none else { return 1 }
    var sum = 0.0, k = 0
    for (i, y) in m.input.values.enumerated() where i != t && !y.isNaN { sum += abs(y); k += 1 }
    let level = k > 0 ? sum / Double(k) : 0
    return level > 0 && level.isFinite ? level : nil
  }

  /// What a scale prior is kept under: the regime and the transform's name (scales on different
  /// model scales are not pooled; logit series with different bounds are).
  public struct ScaleGroup: Hashable, Sendable {
    public var regime: Regime
    public var transform: String

    public init(regime: Regime, transform: String) { self.regime = regime; self.transform = transform }

    /// The group of a series.
    public init(_ m: ModelInput) {
      self.init(regime: AutoConfiguration.regime(m), transform: m.transform.name)
    }
  }

  /// Fewest series of a regime and transform for their error scales to be shrunk toward each other.
  public static let minimumPriorSeries = 10

  /// Fewest series whose rolling-origin errors calibrate a regime of three cycles or more; with
  /// fewer its intervals stay analytic. One series' errors come from a few origins of one path,
  /// too alike to stand for a new forecast's: on Tourism's validation windows a series run alone
  /// and calibrated on its own 24 errors covered 63% / 76% (80% / 95%), its analytic band 71% / 85%.
  public static let minimumCalibrationSeries = 10

  /// Whether `series` series with rolling-origin errors calibrate `regime`: 10+ for regimes
  /// standardised by the rule's analytic sd (their alternative is that analytic band); any number
  /// for two cycles or less, whose alternative, the borrowed √h band, is worse still (a series of
  /// 24 months alone: 0.94 / 0.98 coverage, Winkler 10.96 / 17.26 against 8.68 / 19.31 calibrated).
  public static func calibratesFrom(series: Int, regime: Regime) -> Bool {
    standardisesByScale(regime) || series >= minimumCalibrationSeries
  }

  /// Empirical-Bayes priors for the error scales of the regimes standardised by scale (series
  /// of two cycles or less), per regime and transform: each series' squared scale (relative to
  /// its level when untransformed) on ``effectiveDegreesOfFreedom(differences:)`` (``VariancePrior``,
  /// Smyth's moment fit).
  public static func scalePriors(_ inputs: [ModelInput]) -> [ScaleGroup: VariancePrior] {
    var groups = [ScaleGroup: (v: [Double], d: [Double])]()
    for m in inputs where standardisesByScale(AutoConfiguration.regime(m)) {
      guard let (s, k) = ownScale(m, leavingOut: nil), let level = relativeLevel(m, leavingOut: nil) else { continue }
      let r = s / level
      groups[ScaleGroup(m), default: ([], [])].v.append(r * r)
      groups[ScaleGroup(m), default: ([], [])].d.append(effectiveDegreesOfFreedom(differences: k))
    }
    return groups.compactMapValues { g in
      g.v.count >= minimumPriorSeries ? VariancePrior(variances: g.v, df: g.d) : nil
    }
  }

  /// ``errorScale(_:leavingOut:)`` shrunk toward the batch's (``scalePriors(_:)``): the posterior
  /// mean of its square; the series' own when there is no prior. nil when the own scale is.
  /// A series with no difference of its own (left out, or a single value) takes the prior's
  /// centre, as the posterior with no data of its own.
  static func shrunkScale(_ m: ModelInput, leavingOut t: Int?, prior: VariancePrior?) -> Double? {
    guard let (s, k) = ownScale(m, leavingOut: t) else {
      guard let prior, let level = relativeLevel(m, leavingOut: t) else { return nil }
      let centre = prior.scale.squareRoot() * level
      return centre > 0 && centre.isFinite ? centre : nil
    }
    guard s > 0 else { return nil }
    guard let prior, let level = relativeLevel(m, leavingOut: t) else { return s }
    let r = s / level
    let shrunk = prior.posterior(variance: r * r, df: effectiveDegreesOfFreedom(differences: k)).squareRoot() * level
    return shrunk > 0 && shrunk.isFinite ? shrunk : s
  }

  /// Seasonal series of one cycle or less: they keep the dev-set rule (their inner origins are too
  /// short for the candidates to run) and are calibrated only where the batch gives their error
  /// scale a prior (``scalePriors(_:)``).
  public static func withinOneCycle(_ r: Regime) -> Bool { r.band == 1 && r.period > 1 }

  /// Whether a series of regime `r` whose scale group has `prior` can be calibrated: always,
  /// except within one cycle without a prior (its scales would rest on one or two differences).
  public static func calibrates(_ r: Regime, prior: VariancePrior?) -> Bool { prior != nil || !withinOneCycle(r) }

  /// Whether a regime's errors are standardised by the series' error scale rather than the
  /// rule's analytic sd: series of two cycles or less, whose members' analytic spreads rest on
  /// one or two residuals.
  public static func standardisesByScale(_ r: Regime) -> Bool { r.band <= 2 }

  /// The per-step scale a regime's calibration multiplies (the same one its errors were
  /// standardised by): the series' error scale for two cycles or less, else the forecast's
  /// analytic sd; nil when the series has no error scale to give.
  public static func calibrationScale(_ m: ModelInput, regime: Regime, analyticSD: [Double], prior: VariancePrior? = nil) -> [Double]? {
    guard standardisesByScale(regime) else { return analyticSD }
    guard calibrates(regime, prior: prior) else { return nil }
    return shrunkScale(m, leavingOut: nil, prior: prior).map { [Double](repeating: $0, count: analyticSD.count) }
  }

  /// Evaluates the candidate families (`only`: just these, for a rule already fixed) at the
  /// inner origins of one series. ETS keeps the form chosen on the whole series, re-estimated
  /// at each origin; that whole-series fit is returned for the forecast to reuse.
  public static func evaluate(_ m: ModelInput, origins count: Int, only: Set<ModelChoice>? = nil, prior: VariancePrior? = nil) -> Evaluation? {
    let v = m.input.values, p = max(m.input.period, 1)
    let n = v.count
    let regime = AutoConfiguration.regime(m)
    guard let scale = errorScale(m), calibrates(regime, prior: prior) else { return nil }
    let horizon = 2 * p
    var inner = m
    let wanted = { (f: ModelChoice) in only.map { $0.contains(f) } ?? true }
    let etsFit = wanted(.ets) ? (try? ModelChoice.ets.fitSingle(m, member: true)) as? ETSFit : nil
    inner.etsStart = etsFit
    var out = [OriginForecast]()
    for (k, o) in origins(n: n, period: p, count: count).enumerated() {
      let steps = min(horizon, n - o)
      let prefix = inner.prefix(o)
      guard steps > 0, prefix.input.observedCount >= 1 else { continue }
      var means = [[Double]](), sds = [[Double]]()
      for fam in AutoRule.families {
        guard wanted(fam) else { means.append([]); sds.append([]); continue }
        let fit = try? ModelChoice.fitOrSimplest(fam, prefix).fit
        guard let d = fit?.forecast(horizon: steps), d.count == steps else { means.append([]); sds.append([]); continue }
        means.append(d.map(\.median)); sds.append(d.map(\.spread))
      }
      let scales = standardisesByScale(regime)
        ? (0..<steps).map { shrunkScale(m, leavingOut: o + $0, prior: prior) } : []
      out.append(OriginForecast(selects: k < count, actual: Array(v[o..<(o + steps)]), mean: means, sd: sds, scales: scales))
    }
    return out.isEmpty ? nil : Evaluation(regime: regime, scale: scale, origins: out,
                                          etsFit: etsFit)
  }

  /// A rule's point forecast and spread at one step of one origin (nil when a member has none),
  /// its members given by their indices in ``AutoRule/families``; up to three members without
  /// building an array (the scoring loop runs it for 41 rules at
  /// every step of every origin). The median of three is the middle value, the mean is summed
  /// in member order, as the general path does.
  @inline(__always)
  static func combine(members: [Int], median: Bool, _ o: OriginForecast, step h: Int) -> (Double, Double)? {
    for i in members where h >= o.mean[i].count { return nil }
    switch members.count {
    case 1:
      let i = members[0]
      return (o.mean[i][h], (0 + o.sd[i][h]) / 1)
    case 2 where !median:
      let i = members[0], j = members[1]
      return ((0 + o.mean[i][h] + o.mean[j][h]) / 2, (0 + o.sd[i][h] + o.sd[j][h]) / 2)
    case 3 where median:
      let i = members[0], j = members[1], k = members[2]
      let a = o.mean[i][h], b = o.mean[j][h], c = o.mean[k][h]
      guard a.isFinite && b.isFinite && c.isFinite else { break }  // as type-7 does with ±∞
      return (max(min(a, b), min(max(a, b), c)), (0 + o.sd[i][h] + o.sd[j][h] + o.sd[k][h]) / 3)
    default: break
    }
    var points = [Double](), sd = 0.0
    for i in members { points.append(o.mean[i][h]); sd += o.sd[i][h] }
    let centre = median ? SampleQuantile.median(points) : points.reduce(0, +) / Double(points.count)
    return (centre, sd / Double(points.count))
  }

  /// Scores every candidate on a regime's evaluations: mean scaled absolute error and count
  /// (rules on all cores; each rule's sum in the same order as one core).
  public static func scores(_ evals: [Evaluation], rules: [AutoRule]) -> [(rule: AutoRule, score: Double, count: Int)] {
    let index = Dictionary(uniqueKeysWithValues: AutoRule.families.enumerated().map { ($1, $0) })
    let totals: [(Double, Int)] = rules.parallelMap { rule in
      let members = rule.members.compactMap { index[$0] }
      guard members.count == rule.members.count else { return (0, 0) }
      let median = rule.combination == .median
      var total = 0.0, count = 0
      for e in evals {
        for o in e.origins where o.selects {
          for h in o.actual.indices where !o.actual[h].isNaN {
            guard let (c, _) = combine(members: members, median: median, o, step: h), c.isFinite else { continue }
            total += abs(o.actual[h] - c) / e.scale; count += 1
          }
        }
      }
      return (total, count)
    }
    return zip(rules, totals).map { rule, t in (rule, t.1 > 0 ? t.0 / Double(t.1) : .infinity, t.1) }
  }

  /// Standardised errors of `rule` on the evaluations (for the regime's calibration).
  static func standardisedErrors(_ evals: [Evaluation], rule: AutoRule) -> [StandardisedError] {
    let index = Dictionary(uniqueKeysWithValues: AutoRule.families.enumerated().map { ($1, $0) })
    let members = rule.members.compactMap { index[$0] }
    guard members.count == rule.members.count else { return [] }
    let median = rule.combination == .median
    var z = [StandardisedError]()
    for e in evals {
      let byScale = standardisesByScale(e.regime)
      for o in e.origins {
        for h in o.actual.indices where !o.actual[h].isNaN {
          guard let (c, sd) = combine(members: members, median: median, o, step: h), c.isFinite else { continue }
          let s = byScale ? ((h < o.scales.count ? o.scales[h] : nil) ?? .nan) : sd
          guard s > 0, s.isFinite else { continue }
          z.append(StandardisedError(step: h + 1, z: (o.actual[h] - c) / s))
        }
      }
    }
    return z
  }

  /// Learns a rule (and a calibration) for every regime of the inputs. `learn` false keeps the
  /// given rules (or the dev-set ones) and only calibrates them.
  ///
  /// Also returns the whole-series ETS fits made on the way (by input index), so the forecast
  /// does not select the same ETS form twice.
  public static func learn(_ inputs: [ModelInput], origins: Int, learn: Bool = true, fixed: [Regime: AutoRule] = [:],
                           calibrate: Bool = true) -> (outcomes: [Regime: Outcome], etsFits: [Int: ETSFit]) {
    var byRegime = [Regime: [Int]]()
    for (i, m) in inputs.enumerated() { byRegime[AutoConfiguration.regime(m), default: []].append(i) }
    var sampled = [Int]()
    for (_, idx) in byRegime {
      let k = idx.count, cap = maximumSeries
      sampled += k > cap ? (0..<cap).map { idx[$0 * k / cap] } : idx
    }
    // A regime that will not learn (a fixed rule, or too few series) evaluates its rule's members only.
    var only = [Regime: Set<ModelChoice>]()
    for (r, idx) in byRegime where !(learn && fixed[r] == nil && idx.count >= minimumSeries && !withinOneCycle(r)) {
      only[r] = Set((fixed[r] ?? defaultRule(r)).members)
    }
    let subsets = only
    let priors = scalePriors(inputs)
    let evals: [Evaluation?] = (learn || calibrate) ? sampled.parallelMap { i in
      let m = inputs[i]
      return evaluate(m, origins: origins, only: subsets[AutoConfiguration.regime(m)],
                      prior: priors[ScaleGroup(m)])
    } : []
    var etsFits = [Int: ETSFit]()
    for (k, e) in evals.enumerated() { if let f = e?.etsFit { etsFits[sampled[k]] = f } }
    var evalsByRegime = [Regime: [Evaluation]]()
    for e in evals.compactMap({ $0 }) { evalsByRegime[e.regime, default: []].append(e) }
    var out = [Regime: Outcome]()
    for regime in byRegime.keys {
      let ev = evalsByRegime[regime] ?? []
      let fallback = fixed[regime] ?? defaultRule(regime)
      var rule = fallback, learned = false
      if learn && fixed[regime] == nil && ev.count >= minimumSeries && !withinOneCycle(regime) {
        let table = scores(ev, rules: AutoRule.candidates)
        if let best = table.filter({ $0.count > 0 }).min(by: { $0.score < $1.score }) {
          rule = best.rule; learned = true
        }
      }
      let z = calibrate ? standardisedErrors(ev, rule: rule) : []
      out[regime] = Outcome(regime: regime, rule: rule, learned: learned, series: ev.count, errors: z.count,
                            calibration: calibrate && calibratesFrom(series: ev.count, regime: regime) ? IntervalCalibration(errors: z) : nil)
    }
    for (r, _) in out { out[r]?.scalePriors = priors.filter { $0.key.regime == r } }
    return (out, etsFits)
  }
}
