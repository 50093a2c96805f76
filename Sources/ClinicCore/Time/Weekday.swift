/// ISO weekdays, Monday = 1.
public enum Weekday: Int, CaseIterable, Sendable, Codable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// Three-letter lower-case name used in hours specs (`mon`).
    public var shortName: String {
        ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][rawValue - 1]
    }

    /// Parses `mon`, `monday`, `Mon`…
    public init?(name: String) {
        let key = String(name.lowercased().prefix(3))
        guard let day = Weekday.allCases.first(where: { $0.shortName == key }),
            name.count == 3 || name.lowercased() == Self.longNames[day.rawValue - 1]
        else { return nil }
        self = day
    }

    private static let longNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
}
