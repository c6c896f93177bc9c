/// Which way is better for an XmR chart's improvement/concern colouring: up, down, or neither.
public enum SPCDirection: Int, Sendable, Codable, Equatable {
  case decrease = -1
  case neutral = 0
  case increase = 1
}
