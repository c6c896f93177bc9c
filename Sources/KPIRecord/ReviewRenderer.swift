import Foundation

/// The review as a plain-text table or CSV, with a summary of coverage and targets met.
public enum ReviewRenderer {
  /// CSV: one row per scored item; `kind` is `forecast` or `decision`.
  public static func csv(vintages: [VintageScore], decisions: [DecisionScore]) -> String {
    var out = "kind,indicator,year,scenario,forecast,lo80,hi80,lo95,hi95,target,intervention_level,outturn,error,inside80,inside95,met,recorded_at\n"
    for s in vintages {
      let v = s.vintage
      out += ["forecast", v.indicator, v.year, scenarioLabel(v.scenario), num(v.forecast), num(v.lo80), num(v.hi80), num(v.lo95), num(v.hi95),
              v.target.map(num) ?? "", v.interventionLevel.map(num) ?? "", s.outturn.map(num) ?? "", s.error.map(num) ?? "",
              flag(s.inside80), flag(s.inside95), "", v.shownAt].map(DecisionExport.quoteCSV).joined(separator: ",") + "\n"
    }
    for s in decisions {
      let d = s.decision
      out += ["decision", d.indicator, d.year, scenarioLabel(d.scenario), "", "", "", "", "", num(d.target), d.interventionLevel.map(num) ?? "",
              s.outturn.map(num) ?? "", "", "", "", flag(s.met), d.recordedAt].map(DecisionExport.quoteCSV).joined(separator: ",") + "\n"
    }
    return out
  }

  /// A table for people: forecasts with an outturn, then decisions, then the summary lines.
  public static func table(vintages: [VintageScore], decisions: [DecisionScore]) -> String {
    var out = ""
    let scored = vintages.filter { $0.outturn != nil }
    out += "Forecast vintages scored: \(scored.count) of \(vintages.count) (the rest have no outturn in the data yet)\n"
    if !scored.isEmpty {
      out += pad("indicator", 40) + pad("year", 9) + pad("scenario", 12) + pad("forecast", 11) + pad("80% interval", 22) + pad("outturn", 10) + pad("error", 10) + "in 80/95\n"
      for s in scored {
        let v = s.vintage
        out += pad(v.indicator, 40) + pad(v.year, 9) + pad(scenarioLabel(v.scenario), 12) + pad(short(v.forecast), 11)
          + pad("\(short(v.lo80)) – \(short(v.hi80))", 22) + pad(s.outturn.map(short) ?? "", 10) + pad(s.error.map(short) ?? "", 10)
          + "\(yesNo(s.inside80))/\(yesNo(s.inside95))\n"
      }
      let base = scored.filter { $0.vintage.scenario.isEmpty }
      if !base.isEmpty {
        let c80 = base.filter { $0.inside80 == true }.count, c95 = base.filter { $0.inside95 == true }.count
        out += "Baseline coverage: 80% intervals held the outturn \(c80) of \(base.count) times (\(pct(c80, base.count))), "
          + "95% intervals \(c95) of \(base.count) (\(pct(c95, base.count)))\n"
      }
    }
    let judged = decisions.filter { $0.met != nil }
    out += "\nAgreed targets scored: \(judged.count) of \(decisions.count)\n"
    if !judged.isEmpty {
      out += pad("indicator", 40) + pad("year", 9) + pad("target", 10) + pad("level", 10) + pad("outturn", 10) + "status\n"
      for s in judged {
        let d = s.decision
        out += pad(d.indicator, 40) + pad(d.year, 9) + pad(short(d.target), 10) + pad(d.interventionLevel.map(short) ?? "", 10)
          + pad(s.outturn.map(short) ?? "", 10) + (s.status.map { "\($0.symbol) \($0.rawValue)" } ?? "") + "\n"
      }
      let met = judged.filter { $0.met == true }.count
      out += "Targets met: \(met) of \(judged.count) (\(pct(met, judged.count)))\n"
    }
    return out
  }

  static func scenarioLabel(_ s: String) -> String { s.isEmpty ? "baseline" : (ScenarioSpec.parse(s).name ?? "scenario") }
  static func num(_ v: Double) -> String { String(format: "%.10g", v) }
  static func short(_ v: Double) -> String { abs(v) >= 1000 ? String(format: "%.0f", v) : String(format: "%.4g", v) }
  static func flag(_ b: Bool?) -> String { b.map { $0 ? "true" : "false" } ?? "" }
  static func yesNo(_ b: Bool?) -> String { b.map { $0 ? "yes" : "no" } ?? "-" }
  static func pct(_ a: Int, _ n: Int) -> String { n == 0 ? "-" : String(format: "%.0f%%", 100 * Double(a) / Double(n)) }
  static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
}
