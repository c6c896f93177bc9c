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
