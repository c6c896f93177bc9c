import Foundation
import KPIRecord

/// A scenario from the `--scenarios` file as it applies to one KPI, offered as a starting point.
public struct ScenarioPreset: Codable, Sendable, Equatable {
  public var name: String
  public var description: String?
  public var scenario: ScenarioSpec
}
