import Foundation

/// Reads theme files: one role per line, `role key=value …`, `#` comments.
/// Every unknown role, key or value is an error naming `file:line`.
enum ThemeParser {
    static let colorNames = ["black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7]

    /// Parses a theme file from disk.
    static func parse(contentsOf url: URL) throws -> Theme {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw ThemeError(location: url.path, message: "cannot read the theme file")
        }
        return try parse(text, file: url.path, name: url.deletingPathExtension().lastPathComponent)
    }

    /// Parses theme text; `file` names it in errors.
    static func parse(_ text: String, file: String, name: String) throws -> Theme {
        var styles: [ThemeRole: Theme.Style] = [:]
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let at = "\(file):\(index + 1)"
            let line =
                raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first
                .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if line.isEmpty { continue }
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let role = ThemeRole(rawValue: words[0]) else {
                throw ThemeError(location: at, message: "unknown role '\(words[0])'")
            }
            guard styles[role] == nil else { throw ThemeError(location: at, message: "role '\(role.rawValue)' is set twice") }
            var style = Theme.Style()
            for word in words.dropFirst() {
                let pair = word.split(separator: "=", maxSplits: 1).map(String.init)
                guard pair.count == 2 else { throw ThemeError(location: at, message: "expected key=value, found '\(word)'") }
                try apply(key: pair[0], value: pair[1], to: &style, at: at)
            }
            styles[role] = style
        }
        let missing = ThemeRole.allCases.filter { styles[$0] == nil }
        guard missing.isEmpty else {
            throw ThemeError(location: file, message: "missing roles: \(missing.map(\.rawValue).joined(separator: ", "))")
        }
        return Theme(name: name, styles: styles)
    }

    private static func apply(key: String, value: String, to style: inout Theme.Style, at: String) throws {
        switch key {
        case "fg": style.fg256 = try color256(value, at)
        case "bg": style.bg256 = try color256(value, at)
        case "fg8": style.fg8 = try color8(value, at)
        case "bg8": style.bg8 = try color8(value, at)
        case "attrs": style.attributes = try attributes(value, at)
        case "mono": style.mono = try attributes(value, at)
        default: throw ThemeError(location: at, message: "unknown key '\(key)' (use fg, bg, fg8, bg8, attrs, mono)")
        }
    }

    private static func color256(_ value: String, _ at: String) throws -> Int {
        if value == "default" { return -1 }
        guard let n = Int(value), (0...255).contains(n) else {
            throw ThemeError(location: at, message: "'\(value)' is not a 256-colour value (0-255 or default)")
        }
        return n
    }

    private static func color8(_ value: String, _ at: String) throws -> Int {
        if value == "default" { return -1 }
        guard let n = colorNames[value] else {
            throw ThemeError(location: at, message: "'\(value)' is not one of the 8 colours (\(colorNames.keys.sorted().joined(separator: " ")) default)")
        }
        return n
    }

    private static func attributes(_ value: String, _ at: String) throws -> TextAttributes {
        var result: TextAttributes = []
        for name in value.split(separator: "+") {
            guard let a = TextAttributes.names[String(name)] else {
                throw ThemeError(location: at, message: "unknown attribute '\(name)' (normal bold underline reverse dim)")
            }
            result.formUnion(a)
        }
        return result
    }
}
