

/// The "Making Data Count" assurance icon: whether the latest limits say the target will be met
/// every time, missed every time, or sometimes either (`ptd_calculate_assurance_type`).
public enum SPCAssurance: String, Sendable, Codable, Equatable {
  case consistentPass = "consistent_pass"
  case consistentFail = "consistent_fail"
  case inconsistent
}
