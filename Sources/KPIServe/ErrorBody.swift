import Foundation
import Hummingbird

/// The JSON body of an error answer.
struct ErrorBody: Encodable {
  var error: String
  var field: String?
}
