

/// Marker shapes, so that colour is never the only cue.
public enum SVGMarker: Sendable { case circle, square, diamond, triangle }
