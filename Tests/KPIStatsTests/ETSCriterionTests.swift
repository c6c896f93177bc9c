import Foundation
import Testing
@testable import KPIStats

/// `opt.crit = "mse"` (R's `ses`, `holt`, damped `holt`) against R forecast 8.20
/// (notebooks-data/reference/ets_reference.R, file ets_reference_mse.csv). As for the likelihood,
/// the optimiser follows R's path: same evaluation count, and then estimates and the 8-step
/// forecast within 1e-6 (relative for levels and forecasts, absolute for smoothing weights).
@Suite struct ETSCriterionTests {
  @Test func mseEstimationMatchesR() throws {
    let series = try ETSReferenceData.series()
    var byFit: [String: [String: Double]] = [:]
    for r in try ETSReferenceData.rows("ets_reference_mse.csv") {
      guard let s = r["series"], let m = r["model"], let k = r["key"], let v = Double(r["value"] ?? "") else { continue }
      byFit["\(s) \(m)", default: [:]][k] = v
    }
    #expect(byFit.count == 15)
    var samePath = 0
    for (key, ref) in byFit {
      let parts = key.split(separator: " ").map(String.init)
      let y = try #require(series[parts[0]])
      let fit = try ETS(ETSModelType(code: parts[1]), criterion: .mse).fit(y)
      let rMSE = try #require(ref["mse"])
      // Never a worse optimum of the criterion than R's.
      #expect(fit.mse <= rMSE * (1 + 1e-6), "\(key) mse \(fit.mse) vs R \(rMSE)")
      guard fit.evaluations == Int(ref["evaluations"] ?? -1) else { continue }
      samePath += 1
      let rel = ETSReferenceData.relativeError
      #expect(abs(fit.parameters.alpha - (ref["alpha"] ?? .nan)) < 1e-6, "\(key) alpha")
      if let b = ref["beta"] { #expect(abs(fit.parameters.beta - b) < 1e-6, "\(key) beta") }
      if let phi = ref["phi"] { #expect(abs(fit.parameters.phi - phi) < 1e-6, "\(key) phi") }
      #expect(rel(fit.initialStates.level, ref["l0"] ?? .nan) < 1e-6, "\(key) l0")
      #expect(rel(fit.logLikelihood, ref["loglik"] ?? .nan) < 1e-6, "\(key) loglik")
      #expect(rel(fit.forecast(horizon: 8)[7].mean, ref["mean8"] ?? .nan) < 1e-6, "\(key) forecast")
    }
    #expect(samePath >= 14, "same optimiser path in \(samePath) of 15")
  }
}

/// Given smoothing parameters (R `ets(y, alpha = …)` etc.) against R (ets_reference_fixed.csv):
/// R's bound adjustments, starting values and parameter counts, so the same optimiser path (same
/// evaluation count) and estimates, criteria, σ² and forecasts within 1e-6.
@Suite struct ETSFixedParameterTests {
  @Test func fixedParametersMatchR() throws {
    let series = try ETSReferenceData.series()
    var cases: [String: [String: String]] = [:]
    for r in try ETSReferenceData.rows("ets_reference_fixed.csv") {
      guard let s = r["series"], let m = r["model"], let g = r["given"], let k = r["key"] else { continue }
      cases["\(s) \(m) \(g)", default: [:]][k] = r["value"]
    }
    #expect(cases.count == 7)
    for (key, ref) in cases {
      let parts = key.split(separator: " ").map(String.init)
      var fixed = ETSFixedParameters()
      for item in parts[2].split(separator: ";") {
        let kv = item.split(separator: "=").map(String.init)
        let v = Double(kv[1])
        switch kv[0] {
        case "alpha": fixed.alpha = v
        case "beta": fixed.beta = v
        case "gamma": fixed.gamma = v
        default: fixed.phi = v
        }
      }
      let y = try #require(series[parts[0]])
      let fit = try ETS(ETSModelType(code: parts[1]), fixed: fixed).fit(y)
      func r(_ k: String) -> Double? { ref[k].flatMap(Double.init) }
      #expect(fit.evaluations == Int(r("evaluations") ?? -1), "\(key) evaluations \(fit.evaluations)")
      let rel = ETSReferenceData.relativeError
      #expect(abs(fit.parameters.alpha - (r("alpha") ?? .nan)) < 1e-6, "\(key) alpha")
      if let b = r("beta") { #expect(abs(fit.parameters.beta - b) < 1e-6, "\(key) beta") }
      if let g = r("gamma") { #expect(abs(fit.parameters.gamma - g) < 1e-6, "\(key) gamma") }
      if let p = r("phi") { #expect(abs(fit.parameters.phi - p) < 1e-6, "\(key) phi") }
      for (k, ours) in [("loglik", fit.logLikelihood), ("aic", fit.aic), ("aicc", fit.aicc), ("sigma2", fit.sigma2)] {
        #expect(rel(ours, r(k) ?? .nan) < 1e-6, "\(key) \(k): \(ours) vs R \(r(k) ?? .nan)")
      }
      #expect(rel(fit.forecast(horizon: 8)[7].mean, r("mean8") ?? .nan) < 1e-6, "\(key) forecast")
    }
  }

  @Test func refusesOutOfRangeGivenValues() throws {
    let y = SeriesInput(values: ETSBehaviourTests.quarterly, period: 4)
    #expect(throws: ModelError.self) { try ETS(ETSModelType(code: "ANN"), fixed: .init(alpha: 1.2)).fit(y) }
    #expect(throws: ModelError.self) { try ETS(ETSModelType(code: "AAN"), fixed: .init(alpha: 0.1, beta: 0.3)).fit(y) }
    #expect(throws: ModelError.self) { try ETS(ETSModelType(code: "AAdN"), fixed: .init(phi: 0.5)).fit(y) }
  }
}
