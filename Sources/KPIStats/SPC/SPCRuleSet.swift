/// Which version of the special-cause rules to apply.
///
/// - `ptd010`: exactly NHSRplotthedots 0.1.0 (the default): 2 of 3 points beyond two-thirds of
///   the limits counts points on either side of the mean, and only rising trends of 7 are flagged
///   (its `ptd_part_of_seven_trend` tests `== 1`, so a falling trend's −1 never matches).
/// - `corrected`: the same with the package's later fixes (issues #143 and #167): the 3 points of a
///   2-of-3 window must all lie on one side of the mean, and falling trends of 7 are flagged too.
public enum SPCRuleSet: String, Sendable, Codable, Equatable, CaseIterable {
  case ptd010 = "ptd-0.1.0"
  case corrected
}
