/// The forms a day sheet is written in: the renderer, the HTTP content type
/// and the file name's extension of each.
public enum DaySheetFormat: String, Sendable, CaseIterable {
    case text, csv, ics, json

    /// The HTTP `Content-Type`.
    public var contentType: String {
        switch self {
        case .text: return "text/plain; charset=utf-8"
        case .csv: return "text/csv; charset=utf-8"
        case .ics: return "text/calendar; charset=utf-8"
        case .json: return "application/json; charset=utf-8"
        }
    }

    /// The extension of a file holding it.
    public var fileExtension: String { self == .text ? "txt" : rawValue }

    /// The sheet in this form, as UTF-8 bytes (JSON ids as `ids`).
    public func render(_ sheet: DaySheet, ids: DaySheetJSON.IDs = .numbers) -> [UInt8] {
        switch self {
        case .text: return Array(DaySheetText.render(sheet).utf8)
        case .csv: return Array(DaySheetCSV.render(sheet).utf8)
        case .ics: return DaySheetICalendar.bytes(sheet)
        case .json: return DaySheetJSON.bytes(sheet, ids: ids)
        }
    }

    /// `day-sheet-2026-03-08.txt`: the file the staff terminal writes beside the database.
    public func fileName(for date: LocalDate) -> String { "day-sheet-\(date).\(fileExtension)" }
}
