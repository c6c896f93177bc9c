import Foundation
import KPIData
import KPIForecast

/// Proposes targets and intervention levels from a baseline distribution (docs/PLANNING.md).
///
/// Default rule, refining DESIGN §6: (1) the stretch target is the value the baseline meets with
/// probability 40% (better than the baseline median); (2) where the authority's baseline median
/// is worse than the chosen comparator, the target is the comparator itself when the baseline
/// meets it with probability ≥ 30%, else the value met with probability 30% (closing part of the
/// gap) — whichever of (1) and (2) is more demanding; (3) with `--probability P` the target is
/// simply the value met with probability P. The intervention level is the worse-side quantile
/// crossed with probability 10% under the baseline. Plan is Best: the target is the baseline
/// median and the intervention band ±d holds the outturn with probability 90%.
public enum TargetProposer {
  /// The value met with probability `p` under `polarity`: P(Y ≥ v) = p for bigger, P(Y ≤ v) = p for smaller.
  public static func valueMet(withProbability p: Double, _ d: YearEndDistribution, polarity: Polarity) -> Double {
    polarity == .bigger ? d.quantile(1 - p) : d.quantile(p)
  }

  public static func propose(key: SeriesKey, unit: KPIUnit, yearLabel: String, evidence: TargetEvidence,
                             options: TargetOptions) -> TargetProposal {
    let d = evidence.baseline, pol = evidence.polarity
    var target: Double, level: Double
    var why = [String]()
    let median = evidence.band[1]
    let comparator = evidence.relevantComparator
    switch pol {
    case .plan:
      target = median
      // Half-width d with P(|Y − target| > d) = interventionProbability, by bisection.
      var lo = 0.0, hi = max(abs(d.quantile(0.999) - target), abs(target - d.quantile(0.001)), 1e-9)
      for _ in 0..<100 {
        let mid = (lo + hi) / 2
        let outside = 1 - (d.cdf(target + mid) - d.cdf(target - mid))
        if outside > options.interventionProbability { lo = mid } else { hi = mid }
      }
      level = target + hi
      why.append("Plan is Best: the proposed plan figure is the baseline median; outside ±\(ReasonDrafter.fmt(hi, unit)) of it has a \(pct(options.interventionProbability)) chance with no real change, so the intervention band is \(ReasonDrafter.fmt(target - hi, unit)) to \(ReasonDrafter.fmt(target + hi, unit))")
    case .bigger, .smaller:
      if let p = options.probability {
        target = valueMet(withProbability: p, d, polarity: pol)
        why.append("Target set so that the baseline forecast meets it with probability \(pct(p)) (as asked)")
      } else {
        let stretch = valueMet(withProbability: options.stretchProbability, d, polarity: pol)
        target = stretch
        var reason = "Stretch target: better than the baseline forecast, met with \(pct(options.stretchProbability)) probability if performance carries on as now"
        if let c = comparator {
          let th = Thresholds(target: c.value, interventionLevel: nil, polarity: pol)
          let authorityWorse = th.isBetter(c.value, than: median)
          if authorityWorse {
            let pc = th.probabilityOfMeeting(cdf: d.cdf) ?? 0
            let candidate = pc >= options.floorProbability ? c.value : valueMet(withProbability: options.floorProbability, d, polarity: pol)
            if th.isBetter(candidate, than: target) || candidate == target {
              target = candidate
              if pc >= options.floorProbability {
                reason = "Target set at the \(c.name) value (\(ReasonDrafter.fmt(c.value, unit)), \(c.year)), which the authority lags; the baseline meets it with \(pct(pc)) probability"
              } else {
                let gap = c.value - median
                let closed = gap == 0 ? 0 : (candidate - median) / gap
                reason = "The \(c.name) value (\(ReasonDrafter.fmt(c.value, unit)), \(c.year)) is out of reach this year (\(pct(pc)) under the baseline): target closes \(pct(closed)) of the gap, met with \(pct(options.floorProbability)) probability"
              }
            }
          } else {
            reason += "; already better than \(c.name) (\(ReasonDrafter.fmt(c.value, unit)), \(c.year))"
          }
        }
        why.append(reason)
      }
      // The 10% level is the band's edge, already computed.
      if options.interventionProbability == 0.10 {
        level = pol == .bigger ? evidence.band[0] : evidence.band[2]
      } else {
        level = valueMet(withProbability: 1 - options.interventionProbability, d, polarity: pol)
      }
      let worse = pol == .bigger ? "below" : "above"
      why.append("Intervention level at the edge of the baseline band: \(worse) \(ReasonDrafter.fmt(level, unit)) happens with \(pct(options.interventionProbability)) probability with no real change, so crossing it is a signal rather than noise")
    }
    let th = Thresholds(target: target, interventionLevel: level, polarity: pol)
    var evidenceText = ["Baseline \(yearLabel): \(ReasonDrafter.fmt(evidence.baselinePoint, unit)) (80% \(ReasonDrafter.fmt(evidence.band[0], unit)) to \(ReasonDrafter.fmt(evidence.band[2], unit)); \(evidence.baselineMethod))"]
    if let t = evidence.trendPerYear {
      evidenceText.append("trend \(t >= 0 ? "+" : "−")\(ReasonDrafter.fmtDelta(abs(t), unit)) a year")
    }
    if let b = evidence.bestRecent { evidenceText.append("best recent \(ReasonDrafter.fmt(b.value, unit)) (\(b.year))") }
    for c in evidence.comparators.prefix(4) { evidenceText.append("\(c.name) \(ReasonDrafter.fmt(c.value, unit)) (\(c.year))") }
    if let q = evidence.quartileBand { evidenceText.append("quartile band \(q)") }
    evidenceText.append("polarity: \(pol == .bigger ? "bigger is better" : pol == .smaller ? "smaller is better" : "plan is best")")
    let rationale = evidenceText.joined(separator: "; ") + ". " + why.joined(separator: ". ") + "."
    return TargetProposal(key: key, unit: unit, year: yearLabel, evidence: evidence, proposedTarget: target, proposedInterventionLevel: level,
                          probabilityOfMeetingTarget: th.probabilityOfMeeting(cdf: d.cdf),
                          probabilityWorseThanIntervention: th.probabilityWorseThanIntervention(cdf: d.cdf), rationale: rationale, warnings: [])
  }

  static func pct(_ p: Double) -> String { NumberFormat.probability(p) }
}
