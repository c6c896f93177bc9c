

/// Horizontal text alignment.
public enum SVGAnchor: String, Sendable { case start, middle, end }
