import Foundation

/// The data files of `Seed/` (names, specializations, reasons), shipped as
/// resources of this small target.
public enum SeedData {
    /// The lines of a data file, without comments and blank lines.
    public static func lines(_ name: String) throws -> [String] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Seed/\(name).txt"])
        }
        return try String(contentsOf: url, encoding: .utf8)
            .split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }
}
