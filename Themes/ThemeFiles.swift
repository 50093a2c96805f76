import Foundation

/// The theme files of `Themes/`, shipped as resources of this small target.
public enum ThemeFiles {
    /// The names of the shipped themes.
    public static let names = ["default", "dark", "high-contrast", "mono"]

    /// The URL of a shipped theme, if there is one by that name.
    public static func url(named name: String) -> URL? {
        Bundle.module.url(forResource: name, withExtension: "theme")
    }
}
