import Foundation
import KPIData

/// Output formats shared by the commands.
public enum OutputFormat: String, Sendable, CaseIterable {
  case table, csv, json, markdown
}
