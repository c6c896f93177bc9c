/// The pack's colours: the Okabe–Ito palette, safe for the common colour-vision deficiencies,
/// always paired with a shape or a word so that colour is never the only cue.
public enum Palette {
  public static let black = "#000000"
  public static let orange = "#E69F00"
  public static let skyBlue = "#56B4E9"
  public static let green = "#009E73"
  public static let yellow = "#F0E442"
  public static let blue = "#0072B2"
  public static let vermillion = "#D55E00"
  public static let purple = "#CC79A7"
  public static let grey = "#6E6E6E"
  public static let lightGrey = "#D9D9D9"
  public static let ink = "#1A1A1A"

  /// Improvement blue, concern orange, neutral purple (as Making Data Count), common cause grey.
  public static let improvement = blue
  public static let concern = orange
  public static let neutral = purple
  /// Status colours: met, between, worse than the intervention level.
  public static let met = green
  public static let between = orange
  public static let worse = vermillion
}
