import Foundation
import Testing
@testable import KPIStats

/// ETS behaviour beyond R's reference: gaps, refusals, the fitted-model contract, batch determinism.
@Suite struct ETSBehaviourTests {
  static let quarterly: [Double] = [
    120, 180, 210, 140, 131, 192, 219, 151, 140, 199, 233, 158, 149, 211, 240, 170, 161, 219, 250, 179,
  ]

  /// Independent one-line ANN recursion written here: ℓₜ = ℓₜ₋₁ + α(yₜ − ℓₜ₋₁), skipping gaps,
  /// criterion n·log Σ(yₜ − ℓₜ₋₁)² over observed t.
  static func annCriterion(_ y: [Double], alpha: Double, level: Double) -> (Double, Double) {
    var l = level, sse = 0.0, n = 0.0
    for v in y where !v.isNaN {
      sse += (v - l) * (v - l); n += 1
      l += alpha * (v - l)
    }
    return (n * log(sse), l)
  }

  @Test func gapsAreSkippedAndLeftOutOfTheLikelihood() throws {
    var y = Self.quarterly
    y[7] = .nan
    y[12] = .nan
    let model = try ETSModelType(code: "ANN")
    let fit = try ETS.evaluate(SeriesInput(values: y, period: 1), model: model,
                               parameters: ETSParameters(alpha: 0.3), states: ETSStates(level: 125))
    let (criterion, finalLevel) = Self.annCriterion(y, alpha: 0.3, level: 125)
    #expect(abs(fit.logLikelihood - (-0.5 * criterion)) < 1e-9 * abs(criterion))
    #expect(abs(fit.finalStates.level - finalLevel) < 1e-9 * finalLevel)
    #expect(fit.observedCount == 18)
    #expect(fit.fitted[7].isNaN && fit.innovations[12].isNaN && !fit.fitted[8].isNaN)
  }

  @Test func leadingAndTrailingGapsShiftTheSeries() throws {
    let base = SeriesInput(values: Self.quarterly, period: 4)
    let padded = SeriesInput(values: [.nan, .nan] + Self.quarterly + [.nan], period: 4, firstSeason: 2)
    let ets = try ETS(ETSModelType(code: "AAA"))
    let a = try ets.fit(base), b = try ets.fit(padded)
    #expect(abs(a.logLikelihood - b.logLikelihood) < 1e-9 * abs(a.logLikelihood))
    #expect(b.fitted.count == padded.values.count && b.fitted[0].isNaN && b.fitted.last?.isNaN == true)
    // One missing quarter at the end: step h after the end is step h + 1 after the last value,
    // with the wider variance of that step.
    let fa = a.forecastMoments(horizon: 5), fb = b.forecastMoments(horizon: 4)
    for h in 0..<4 {
      #expect(abs(fa.mean[h + 1] - fb.mean[h]) < 1e-9 * abs(fa.mean[h + 1]))
      #expect(abs(fa.variance[h + 1] - fb.variance[h]) < 1e-9 * fa.variance[h + 1])
    }
  }

  @Test func refusesWhatRRefuses() throws {
    let negative = SeriesInput(values: Self.quarterly.map { $0 - 150 }, period: 4)
    #expect(throws: ModelError.self) { try ETS(ETSModelType(code: "MNN")).fit(negative) }
    #expect(throws: ModelError.self) { try ETS(ETSModelType(code: "ANM")) }
    #expect(throws: ModelError.self) { try ETSModelType(code: "ANdN") }
    #expect(throws: ModelError.self) { try ETSModelType(code: "AMN") }
    #expect(throws: ModelError.noObservations) { try ETS(ETSModelType(code: "ANN")).fit(SeriesInput(values: [.nan], period: 1)) }
    // AAdA has 9 free parameters with m = 4: R needs at least 11 observations.
    let short = SeriesInput(values: Array(Self.quarterly.prefix(10)), period: 4)
    #expect(throws: ModelError.tooFewObservations(needed: 11, have: 10)) { try ETS(ETSModelType(code: "AAdA")).fit(short) }
    // Automatic selection on negative data uses additive errors only.
    let auto = try ETSSelection().select(negative)
    #expect(auto.candidates.allSatisfy { $0.model.error == .additive })
    #expect(auto.candidates.count == 6)
  }

  @Test func shortAndGappySeries() throws {
    #expect(throws: ModelError.tooFewObservations(needed: 4, have: 3)) {
      try ETSSelection().fit(SeriesInput(values: [3, 4, 6], period: 4))
    }
    var y = Array(Self.quarterly.prefix(12))
    y[3] = .nan
    y[8] = .nan
    let fit = try ETSSelection().fit(SeriesInput(values: y, period: 4))
    #expect(fit.observedCount == 10 && fit.fitted.count == 12)
    #expect(fit.forecast(horizon: 4).allSatisfy { $0.mean.isFinite && $0.standardDeviation.isFinite })
  }

  @Test func constantSeriesGivesRsSimpleSmoothing() throws {
    let fit = try ETSSelection().fit(SeriesInput(values: [5, 5, 5, 5, 5, 5, 5, 5], period: 4))
    #expect(fit.model.code == "ANN" && fit.parameters.alpha == 0.99999)
    #expect(fit.forecast(horizon: 3).allSatisfy { $0 == .normal(mean: 5, sd: 0) })
    #expect(!fit.warnings.isEmpty)
  }

  @Test func nonSeasonalPeriodUsesNonSeasonalForms() throws {
    let sel = try ETSSelection().select(SeriesInput(values: Self.quarterly, period: 1))
    #expect(sel.candidates.allSatisfy { $0.model.season == .none })
    #expect(sel.candidates.map(\.model.code) == ["ANN", "AAdN", "AAN", "MNN", "MAdN", "MAN"])
  }

  @Test func fittedModelContract() throws {
    let s = SeriesInput(values: Self.quarterly, period: 4)
    let fit = try ETSSelection().fit(s)
    #expect(fit.fitted.count == s.values.count)
    #expect(fit.forecast(horizon: 6).count == 6 && fit.forecast(horizon: 0).isEmpty)
    // Innovations are (y − fitted) or (y − fitted)/fitted.
    for t in s.values.indices {
      let r = fit.model.error == .additive ? s.values[t] - fit.fitted[t] : (s.values[t] - fit.fitted[t]) / fit.fitted[t]
      #expect(abs(r - fit.innovations[t]) < 1e-9 * max(1, abs(r)))
    }
    #expect(fit.aicc >= fit.aic && fit.label.hasPrefix("ETS("))
    #expect(fit.summary.hasPrefix(fit.label + " α=") && fit.summary.contains("AICc"))
  }

  @Test func batchIsDeterministicAcrossWorkerCounts() throws {
    let series = (0..<6).map { k in SeriesInput(values: Self.quarterly.map { $0 * (1 + 0.1 * Double(k)) + Double(k) }, period: 4) }
    + [SeriesInput(values: [.nan, .nan], period: 4)]
    let one = ETSBatch.select(series, workers: 1), two = ETSBatch.select(series, workers: 2)
    for (a, b) in zip(one, two) {
      switch (a, b) {
      case (.success(let x), .success(let y)):
        #expect(x.model == y.model && x.logLikelihood == y.logLikelihood && x.parameters == y.parameters)
      case (.failure(let x), .failure(let y)): #expect(x == y)
      default: Issue.record("different outcomes")
      }
    }
    if case .failure(.noObservations) = one.last {} else { Issue.record("empty series should fail") }
    // Reused work buffers change nothing: each result equals a fresh single fit.
    for (s, r) in zip(series.dropLast(), two) {
      let fresh = try ETSSelection().fit(s)
      if case .success(let b) = r { #expect(b.logLikelihood == fresh.logLikelihood && b.model == fresh.model) }
    }
  }
}
