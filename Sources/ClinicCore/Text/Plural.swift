/// A count and its noun for sentences on every surface: `1 visit`, `3 visits`,
/// `2 staff accounts` (the plural is the noun + "s" unless given).
public enum Plural {
    public static func count(_ n: Int, _ one: String, _ many: String? = nil) -> String {
        "\(n) \(n == 1 ? one : many ?? one + "s")"
    }
}
