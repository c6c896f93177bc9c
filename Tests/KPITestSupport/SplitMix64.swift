import KPIStats

/// The package's seeded generator, for tests that draw the same values on every run.
public typealias SplitMix64 = KPIStats.SplitMix64
