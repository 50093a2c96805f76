import ClinicCore

/// `w` on the desk's board and on a doctor's day: writes the day sheet
/// (`DaySheetText`, the same text `clinic day` prints) to
/// `day-sheet-YYYY-MM-DD.txt` beside the database, replacing an earlier one
/// (mode 0600), and says where in the screen's notice line. The core
/// decides whose sheet the signed-in person may write.
enum DaySheetExport {
    /// Writes the sheet of `date` (every doctor, or `doctorID`'s) and returns the notice to show.
    static func write(_ context: AppContext, date: LocalDate, doctorID: Int64? = nil) -> (text: String, role: ThemeRole) {
        guard let actor = context.actor else { return ("Sign in first.", .warning) }
        do {
            let sheet = try context.store.daySheet(on: date, doctorID: doctorID, by: actor)
            let path = DaySheetFile.path(inFolder: context.store.filesFolder, date: date, format: .text)
            try DaySheetFile.write(sheet, format: .text, to: path)
            let n = sheet.visits.count
            return ("Day sheet (\(Plural.count(n, "appointment"))) written to \(path)", .success)
        } catch {
            return (Format.refusal(Format.error(error)), .error)
        }
    }
}
