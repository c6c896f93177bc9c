import Foundation
import Testing
@testable import KPIData

/// The one aggregate rule, written with standard-library string work for speed, classifies as
/// the Foundation formulation it replaced (kept here as the reference) on names of every kind.
@Suite struct GeographyKindTests {
  static func reference(_ name: String?) -> GeographyKind {
    guard let raw = name else { return .authority }
    let n = raw.lowercased().replacingOccurrences(of: "_", with: " ").trimmingCharacters(in: .whitespaces)
    if GeographyKind.regions.contains(n) || n.contains("region") || GeographyKind.regions.contains(where: { n.hasPrefix($0 + " ") }) {
      return .region
    } else if n == "england" || n.contains("england") || n.contains("national") {
      return .england
    } else if n.contains("neighbour") || n.contains("statistical") || n == "sn" {
      return .neighbours
    } else if n.contains("good") || n.contains("outstanding") {
      return .goodOutstanding
    }
    return .authority
  }

  @Test func classifiesAsTheReference() {
    let names: [String?] = [
      nil, "", "England", " england ", "ENGLAND_average", "National", "South West", "south_west", "London",
      "Inner London", "North East region", "region_average", "Yorkshire and The Humber", "statistical_neighbours",
      "SN", "sn", "Statistical neighbours mean", "good_outstanding", "Good/Outstanding", "Bournemouth, Christchurch and Poole",
      "Barnet", "Kingston upon Hull, City of", "Westminster", "Regional", "\tSouth East\t", "Neighbour average", "Outstanding LAs",
    ]
    for n in names { #expect(GeographyKind(name: n) == Self.reference(n), "\(n ?? "nil")") }
    #expect(GeographyKind(name: "Barnet") == .authority)
    #expect(GeographyKind(name: "south_west") == .region)
  }
}
