import KPIPlanning
import KPIStats

/// The small icons of the scorecard, drawn with ``SVGDocument``: the SPC variation and
/// assurance icons (shape + letter + colour) and the status symbols ★ ● ▲ (shape + colour).
public enum PackIcons {
  /// Words for a variation icon, for tooltips, keys and Markdown.
  public static func words(_ v: SPCVariation?) -> String {
    switch v {
    case nil: return "no chart"
    case .commonCause?: return "common cause: no sign of real change"
    case .improvementHigh?: return "special cause: improvement (high)"
    case .improvementLow?: return "special cause: improvement (low)"
    case .concernHigh?: return "special cause: concern (high)"
    case .concernLow?: return "special cause: concern (low)"
    case .neutralHigh?: return "special cause: change (high)"
    case .neutralLow?: return "special cause: change (low)"
    }
  }

  /// Short words for Markdown tables.
  public static func short(_ v: SPCVariation?) -> String {
    switch v {
    case nil: return "–"
    case .commonCause?: return "common cause"
    case .improvementHigh?, .improvementLow?: return "improvement"
    case .concernHigh?, .concernLow?: return "concern"
    case .neutralHigh?, .neutralLow?: return "change"
    }
  }

  /// The variation icon: a grey circle with a dash (common cause), a blue circle (improvement),
  /// an orange square (concern) or a purple diamond (neutral change), lettered H or L.
  public static func variation(_ v: SPCVariation?) -> String {
    var svg = SVGDocument(width: 22, height: 22, label: words(v))
    let white = "#FFFFFF"
    switch v {
    case nil:
      svg.text("–", x: 11, y: 15, size: 12, anchor: .middle, fill: Palette.grey)
    case .commonCause?:
      svg.circle(11, 11, r: 9, SVGStyle(fill: Palette.grey))
      svg.line(6, 11, 16, 11, SVGStyle(stroke: white, strokeWidth: 2))
    case .improvementHigh?, .improvementLow?:
      svg.circle(11, 11, r: 9, SVGStyle(fill: Palette.improvement))
      svg.text(v == .improvementHigh ? "H" : "L", x: 11, y: 15, size: 11, anchor: .middle, fill: white, weight: "bold")
    case .concernHigh?, .concernLow?:
      svg.rect(3, 3, 16, 16, SVGStyle(fill: Palette.concern))
      svg.text(v == .concernHigh ? "H" : "L", x: 11, y: 15, size: 11, anchor: .middle, fill: Palette.ink, weight: "bold")
    case .neutralHigh?, .neutralLow?:
      svg.marker(.diamond, 11, 11, r: 8.5, SVGStyle(fill: Palette.neutral))
      svg.text(v == .neutralHigh ? "H" : "L", x: 11, y: 15, size: 10, anchor: .middle, fill: Palette.ink, weight: "bold")
    }
    return svg.render(cssClass: "icon")
  }

  /// Words for an assurance icon.
  public static func words(_ a: SPCAssurance?) -> String {
    switch a {
    case nil: return "no target to assure against"
    case .consistentPass?: return "the whole usual range is on the right side of the target: it would be met consistently"
    case .consistentFail?: return "the whole usual range is on the wrong side of the target: it would be missed consistently unless something changes"
    case .inconsistent?: return "the target lies within the usual range: it would be met in some periods and missed in others"
    }
  }

  /// The assurance in words, qualified as past variation only, and pointing to the forecast when
  /// the two disagree (the SPC range ignores season and trend; the forecast allows for both).
  public static func assuranceSentence(_ a: SPCAssurance, probabilityOfMeeting p: Double?) -> String {
    var s = "On past variation alone, " + words(a)
    let disagree: Bool
    switch (a, p) {
    case (.consistentPass, let p?): disagree = p < 0.5
    case (.consistentFail, let p?): disagree = p > 0.5
    case (.inconsistent, let p?): disagree = p < 0.1 || p > 0.9
    default: disagree = false
    }
    if disagree { s += "; the forecast, which allows for the season and the trend, is the better guide to the year-end" }
    return s + "."
  }

  /// The status symbol of a forecast, coloured, with its meaning for screen readers.
  public static func status(_ s: ForecastStatus?) -> String {
    switch s {
    case nil: return "<span class=\"status none\" title=\"no target\">–</span>"
    case .green?: return "<span class=\"status met\" title=\"forecast meets the target\" aria-label=\"forecast meets the target\">★</span>"
    case .amber?: return "<span class=\"status between\" title=\"forecast between target and intervention level\" aria-label=\"forecast between target and intervention level\">●</span>"
    case .red?: return "<span class=\"status worse\" title=\"forecast significantly worse than target\" aria-label=\"forecast significantly worse than target\">▲</span>"
    }
  }

  /// Words for a status, for Markdown.
  public static func statusWords(_ s: ForecastStatus?) -> String {
    switch s {
    case nil: return "–"
    case .green?: return "★ meets target"
    case .amber?: return "● short of target"
    case .red?: return "▲ worse than intervention level"
    }
  }
}
