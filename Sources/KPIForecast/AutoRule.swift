import KPIStats

/// One way `auto` can forecast a series: a set of member families and how their point forecasts
/// combine (a single member, the mean of two, the median of three). The engine chooses one rule
/// per regime (``Regime``) from rolling-origin errors (``AutoLearner``).
public struct AutoRule: Sendable, Hashable, CustomStringConvertible {
  public var members: [ModelChoice]
  public var combination: AutoConfiguration.Combination

  public init(_ members: [ModelChoice], _ combination: AutoConfiguration.Combination = .median) {
    self.members = members
    self.combination = members.count == 2 ? .mean : combination
  }

  /// `median(ets + theta + snaive)`, `mean(snaive + seasonal-level)`, `snaive`.
  public var description: String {
    members.count == 1 ? members[0].rawValue : "\(combination.rawValue)(\(members.map(\.rawValue).joined(separator: " + ")))"
  }

  /// Parses ``description``'s form.
  public init?(text: String) {
    let t = text.trimmingCharacters(in: .whitespaces)
    if let open = t.firstIndex(of: "("), t.hasSuffix(")") {
      guard let comb = AutoConfiguration.Combination(rawValue: String(t[..<open])) else { return nil }
      let inner = t[t.index(after: open)..<t.index(before: t.endIndex)]
      let fams = inner.split(separator: "+").map { ModelChoice(rawValue: $0.trimmingCharacters(in: .whitespaces)) }
      guard !fams.isEmpty, fams.allSatisfy({ $0 != nil && $0 != .auto }) else { return nil }
      self.init(fams.compactMap { $0 }, comb)
    } else {
      guard let f = ModelChoice(rawValue: t), f != .auto else { return nil }
      self.init([f])
    }
  }

  /// The families every candidate rule draws from: seasonal forms usable on two years of
  /// monthly data (seasonal level regression, averaged seasonal naive, seasonal naive), ETS
  /// (additive forms on a transformed scale), Theta, and the last value.
  public static let families: [ModelChoice] = [.ets, .theta, .snaive, .snaiveAvg, .seasonalLevel, .naive]

  /// Every single family, the mean of every pair and the median of every triple (41 rules).
  public static let candidates: [AutoRule] = {
    let f = families
    var out = f.map { AutoRule([$0]) }
    for i in f.indices { for j in (i + 1)..<f.count { out.append(AutoRule([f[i], f[j]], .mean)) } }
    for i in f.indices { for j in (i + 1)..<f.count { for k in (j + 1)..<f.count { out.append(AutoRule([f[i], f[j], f[k]], .median)) } } }
    return out
  }()
}
