import ClinicThemes
import Foundation

/// A named mapping from roles to colours and attributes, for each colour mode.
public struct Theme: Sendable, Equatable {
    /// One role's look in every colour mode. A colour of -1 is the terminal's default.
    struct Style: Sendable, Equatable {
        var fg256: Int = -1, bg256: Int = -1
        var fg8: Int = -1, bg8: Int = -1
        /// Attributes added in the colour modes.
        var attributes: TextAttributes = []
        /// Attributes in monochrome (and under `NO_COLOR`).
        var mono: TextAttributes = []

        /// The foreground and background in a colour mode (`nil` in mono).
        func colors(in mode: ColorMode) -> (fg: Int, bg: Int)? {
            switch mode {
            case .colors256: return (fg256, bg256)
            case .colors8: return (fg8, bg8)
            case .mono: return nil
            }
        }

        /// The attributes in a colour mode.
        func attributes(in mode: ColorMode) -> TextAttributes { mode == .mono ? mono : attributes }
    }

    let name: String
    /// Every role's style (a parsed theme has them all).
    let styles: [ThemeRole: Style]

    init(name: String, styles: [ThemeRole: Style]) {
        self.name = name
        self.styles = styles
    }

    /// A role's style.
    subscript(role: ThemeRole) -> Style { styles[role] ?? styles[.normal] ?? Style() }

    /// A shipped theme by name, or a theme file by path (a name with `/` or ending in `.theme`).
    public static func load(_ nameOrPath: String) throws -> Theme {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".theme") {
            return try ThemeParser.parse(contentsOf: URL(fileURLWithPath: nameOrPath))
        }
        guard let url = ThemeFiles.url(named: nameOrPath) else {
            throw ThemeError(location: nameOrPath, message: "no such theme; shipped themes: \(ThemeFiles.names.joined(separator: ", "))")
        }
        return try ThemeParser.parse(contentsOf: url)
    }

    /// A plain theme used when nothing else is at hand (tests, fallbacks).
    static let plain = Theme(name: "plain", styles: Dictionary(uniqueKeysWithValues: ThemeRole.allCases.map { ($0, Style()) }))
}

/// A theme file that cannot be used, with where (`file:line`) and why.
public struct ThemeError: Error, Sendable, Equatable, CustomStringConvertible {
    let location: String
    let message: String
    public var description: String { "\(location): \(message)" }
}
