import KPIData
import KPIStats

/// Transform asked for: `auto` picks by unit (see ``TransformPolicy``).
public enum TransformChoice: String, Sendable, CaseIterable {
  case auto, none, log, log1p, logit, sqrt
}
