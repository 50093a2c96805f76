import Foundation

/// Writes a day sheet to a file: whole or not at all (`AtomicFile.replace`),
/// mode 0600 whatever the umask, since it carries patients' names and phones.
public enum DaySheetFile {
    /// The file's mode: its owner only.
    public static let mode: mode_t = 0o600

    /// Writes `sheet` in `format` to `path`, replacing a file that is there.
    public static func write(_ sheet: DaySheet, format: DaySheetFormat, to path: String) throws {
        try AtomicFile.replace(path, mode: mode, bytes: format.render(sheet))
    }

    /// The path of `format`'s file for `date` in `folder`
    /// (`/var/lib/clinic/day-sheet-2026-03-08.txt`): where the staff terminal writes it.
    public static func path(inFolder folder: String, date: LocalDate, format: DaySheetFormat) -> String {
        folder + "/" + format.fileName(for: date)
    }
}
