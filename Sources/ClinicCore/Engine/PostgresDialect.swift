import Foundation

/// The one translation from the store's SQL to PostgreSQL's: `?` parameters
/// become `$1…$n` (not inside quotes or comments), and SQLite's planner hints
/// (`INDEXED BY name`, `NOT INDEXED`) are dropped. Each text is translated once.
enum PostgresDialect {
    private static let cache = TranslationCache()

    static func translate(_ sql: String) -> String {
        if let done = cache.get(sql) { return done }
        let done = returningID(dropHints(numberParameters(idArrays(sql))))
        cache.put(sql, done)
        return done
    }

    /// `?` is one more than the largest number given so far and `?N` is N, as in SQLite.
    static func numberParameters(_ sql: String) -> String {
        var out = ""
        out.reserveCapacity(sql.utf8.count + 16)
        var largest = 0
        var quote: Character? = nil
        var comment = false
        var previous: Character = " "
        var chars = Array(sql)[...]
        while let c = chars.popFirst() {
            if comment {
                if c == "\n" { comment = false }
            } else if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "-" && previous == "-" {
                comment = true
            } else if c == "?" {
                var digits = ""
                while let d = chars.first, d.isASCII, d.isNumber { digits.append(d); chars.removeFirst() }
                let n = Int(digits) ?? (largest + 1)
                largest = max(largest, n)
                out += "$\(n)"
                previous = "0"
                continue
            }
            out.append(c)
            previous = c
        }
        return out
    }

    /// SQLite reads a JSON array of ids with `json_each`; PostgreSQL with `json_array_elements_text`.
    static func idArrays(_ sql: String) -> String {
        nullSafeEquality(sql).replacingOccurrences(
            of: "SELECT value FROM json_each(?)", with: "SELECT value::bigint FROM json_array_elements_text(CAST(? AS json)) AS ids(value)")
    }

    /// SQLite's null-safe `a IS ?` / `a IS NOT ?` are `IS [NOT] DISTINCT FROM` in PostgreSQL.
    static func nullSafeEquality(_ sql: String) -> String {
        guard sql.contains("IS ?") || sql.contains("IS NOT ?") else { return sql }
        return sql.replacingOccurrences(of: "IS NOT ?", with: "IS DISTINCT FROM ?").replacingOccurrences(of: "IS ?", with: "IS NOT DISTINCT FROM ?")
    }

    /// An INSERT into a table with an identity `id` returns it (`RETURNING id`), so the
    /// store's `lastInsertedRowID` costs no second round trip.
    static func returningID(_ sql: String) -> String {
        let trimmed = sql.drop { $0 == " " || $0 == "\n" }
        guard trimmed.hasPrefix("INSERT INTO "), !sql.contains("RETURNING") else { return sql }
        let table = trimmed.dropFirst("INSERT INTO ".count).prefix { $0.isLetter || $0 == "_" }
        guard identityTables.contains(String(table)) else { return sql }
        var body = sql
        while body.last == " " || body.last == "\n" || body.last == ";" { body.removeLast() }
        return body + " RETURNING id"
    }

    /// The tables whose `id` is an identity column, read from the PostgreSQL schema.
    static let identityTables: Set<String> = {
        let regex = try! NSRegularExpression(pattern: #"CREATE TABLE (\w+) \(\s*id BIGINT GENERATED"#)
        let sql = PostgresMigrations.all.map(\.sql).joined(separator: "\n")
        return Set(
            regex.matches(in: sql, range: NSRange(sql.startIndex..., in: sql)).compactMap { m in
                Range(m.range(at: 1), in: sql).map { String(sql[$0]) }
            })
    }()

    private static let hint = try! NSRegularExpression(pattern: "\\s+(INDEXED BY\\s+\\w+|NOT INDEXED)", options: [.caseInsensitive])

    static func dropHints(_ sql: String) -> String {
        guard sql.range(of: "INDEXED", options: .caseInsensitive) != nil else { return sql }
        return hint.stringByReplacingMatches(in: sql, range: NSRange(sql.startIndex..., in: sql), withTemplate: "")
    }
}

private final class TranslationCache: @unchecked Sendable {
    private let lock = NSLock()
    private var done: [String: String] = [:]
    func get(_ sql: String) -> String? { lock.withLock { done[sql] } }
    func put(_ sql: String, _ translated: String) { lock.withLock { if done.count < 4096 { done[sql] = translated } } }
}
