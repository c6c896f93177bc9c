import Foundation
import Testing
@testable import KPIStats

/// Reference values from R forecast 8.20 (notebooks-data/reference/theta_reference.R).
struct ThetaReference {
  var inputs: [String: (period: Int, values: [Double])] = [:]
  var values: [String: [String: [Double]]] = [:]

  init() throws {
    let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("notebooks-data/reference")
    for line in try Self.rows(dir.appendingPathComponent("theta_reference_series.csv")) {
      inputs[line[0], default: (Int(line[1]) ?? 1, [])].values.append(Double(line[3]) ?? .nan)
    }
    for line in try Self.rows(dir.appendingPathComponent("theta_reference.csv")) {
      values[line[0], default: [:]][line[1], default: []].append(Double(line[3]) ?? .nan)
    }
  }

  static func rows(_ url: URL) throws -> [[String]] {
    try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst().map {
      $0.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
    }
  }

  func input(_ id: String) -> SeriesInput {
    SeriesInput(values: inputs[id]?.values ?? [], period: inputs[id]?.period ?? 1)
  }
  func ref(_ id: String, _ q: String) -> [Double] { values[id]?[q] ?? [] }
}

func relClose(_ a: Double, _ b: Double, _ tol: Double) -> Bool { abs(a - b) <= tol * max(abs(b), 1e-12) }

@Suite struct ThetaTests {
  static let ids = ["ukgas", "austres", "rw_q", "short_q", "www", "accdeaths"]

  @Test(arguments: ids) func seasonalityTestAndIndicesMatchR(id: String) throws {
    let r = try ThetaReference()
    let x = r.input(id)
    #expect(!x.values.isEmpty)
    let seasonal = Decomposition.isSeasonal(x.values, period: x.period, minimumLength: 2 * x.period + 1)
    #expect(seasonal == (r.ref(id, "seasonal").first == 1))
    let acf = r.ref(id, "acf")
    if !acf.isEmpty {
      let ours = Decomposition.autocorrelations(x.values, maxLag: x.period)
      for (a, b) in zip(ours, acf) { #expect(abs(a - b) < 1e-10) }
    }
    let idx = r.ref(id, "indices")
    if !idx.isEmpty {
      let ours = try #require(Decomposition.multiplicativeIndices(x.values, period: x.period))
      for (a, b) in zip(ours, idx) { #expect(abs(a - b) < 1e-10) }
    }
  }

  /// SES: our exact ℓ₀ and searched α reach an SSE no worse than R's Nelder–Mead (to 1e-6), and
  /// the parameters agree with R's to 1e-3 relative (α) where the optimum is interior.
  @Test(arguments: ids) func sesMatchesR(id: String) throws {
    let r = try ThetaReference()
    let x = r.input(id)
    var adj = x.values
    if let idx = Decomposition.multiplicativeIndices(x.values, period: x.period), r.ref(id, "seasonal").first == 1 {
      for t in adj.indices { adj[t] /= idx[t % x.period] }
    }
    let f = SESFit.fit(adj)
    let rSSE = try #require(r.ref(id, "ses_sse").first)
    #expect(f.sse <= rSSE * (1 + 1e-6))
    #expect(relClose(f.sse, rSSE, 1e-3))
    let rAlpha = try #require(r.ref(id, "ses_alpha").first)
    #expect(abs(f.alpha - rAlpha) < 2e-3)
  }

  /// thetaf point forecasts to 1e-4 relative, its σ² to 1e-3, and the drift b/2 to 1e-9.
  @Test(arguments: ids) func classicThetaMatchesThetaf(id: String) throws {
    let r = try ThetaReference()
    let x = r.input(id)
    let fit = try Theta().fit(x)
    let fc = fit.forecast(horizon: 8)
    for (d, m) in zip(fc, r.ref(id, "theta_mean")) { #expect(relClose(d.mean, m, 1e-4)) }
    let s2 = try #require(r.ref(id, "theta_sigma2").first)
    #expect(relClose(fit.sigma * fit.sigma, s2, 1e-3))
    let drift = try #require(r.ref(id, "theta_drift").first)
    #expect(abs(fit.slope / 2 - drift) < 1e-9 * max(1, abs(drift)))
    if r.ref(id, "seasonal").first == 0 {
      // Non-seasonal: our interval is thetaf's.
      for (d, u) in zip(fc, r.ref(id, "theta_upper80")) { #expect(relClose(d.quantile(0.9), u, 1e-3)) }
    }
  }

  @Test func optimisedThetaNeverFitsWorseThanSES() throws {
    let r = try ThetaReference()
    for id in Self.ids {
      let x = r.input(id)
      let opt = try Theta(method: .optimised).fit(x)
      #expect((1...5).contains(opt.theta))
      #expect(opt.forecast(horizon: 8).allSatisfy { $0.mean.isFinite && $0.standardDeviation > 0 })
    }
  }

  @Test func gapsAreInterpolatedAndNamed() throws {
    let fit = try Theta().fit(SeriesInput(values: [10, .nan, 12, 13, 14, 15], period: 4))
    #expect(fit.warnings.contains { $0.contains("interpolation") })
    #expect(fit.fitted[1].isNaN)
    #expect(throws: ModelError.self) { try Theta().fit(SeriesInput(values: [1, 2], period: 4)) }
  }
}

@Suite struct ETSWarmStartTests {
  /// Re-estimating a form on a shorter series from the full series' optimum reaches (about) the
  /// same likelihood as R's generic start, in fewer evaluations.
  @Test func warmStartReachesTheColdOptimumFaster() throws {
    let r = try ThetaReference()
    let full = r.input("ukgas")
    let form = try ETSModelType(code: "MAM")
    let fullFit = try ETS(form).fit(full)
    let shorter = SeriesInput(values: Array(full.values.dropLast(8)), period: 4)
    let cold = try ETS(form).fit(shorter)
    let warm = try ETS(form).fit(shorter, warmStart: fullFit)
    #expect(warm.model == form)
    #expect(warm.logLikelihood >= cold.logLikelihood - 1e-3 * abs(cold.logLikelihood))
    #expect(warm.evaluations < cold.evaluations)
  }
}

@Suite struct ThetaDecompositionTests {
  @Test func additiveDecompositionOnATransformedScale() throws {
    let r = try ThetaReference()
    let logGas = r.input("ukgas").values.map { Foundation.log($0) }
    let fit = try Theta(decomposition: .additive).fit(SeriesInput(values: logGas, period: 4))
    #expect(fit.label.hasSuffix("+season(+)"))
    #expect(abs(fit.seasonalIndices.reduce(0, +)) < 1e-9)
    let auto = try Theta().fit(SeriesInput(values: logGas, period: 4))
    #expect(auto.label.hasSuffix("+season(x)"))
  }
}
