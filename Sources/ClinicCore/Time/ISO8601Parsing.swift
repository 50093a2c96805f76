import Foundation

/// Parses instants written with an explicit offset or `Z`.
public enum ISO8601Parsing {
    /// `2026-03-08T09:30:00-04:00`, `2026-03-08T13:30:00Z`, with or without seconds.
    public static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let d = formatter.date(from: text) { return d }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = formatter.date(from: text) { return d }
        // Without seconds: 2026-03-08T09:30-04:00
        if let t = text.firstIndex(of: "T") {
            let rest = text[text.index(after: t)...]
            if rest.count >= 5, rest.prefix(5).contains(":"), rest.dropFirst(5).first != ":" {
                let withSeconds = text[...t] + rest.prefix(5) + ":00" + rest.dropFirst(5)
                formatter.formatOptions = [.withInternetDateTime]
                return formatter.date(from: String(withSeconds))
            }
        }
        return nil
    }
}
