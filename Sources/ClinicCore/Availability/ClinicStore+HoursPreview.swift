import GRDB

/// What a doctor's proposed weekly hours would give, before saving them.
public struct HoursPreview: Sendable, Equatable {
    /// One day of the preview.
    public struct Day: Sendable, Equatable {
        public let date: LocalDate
        /// Slots under the proposed hours (time off removed).
        public let slots: [Slot]
        /// How many slots the current hours give that day.
        public let currentCount: Int
    }

    public let days: [Day]
    /// Codes of future active appointments that would no longer sit on a slot:
    /// `setHours` refuses until they are moved or cancelled.
    public let stranded: [String]
}

extension ClinicStore {
    /// The slots `hours` would give a doctor over `days` local days from `from`,
    /// next to today's count under the current hours, and the booked
    /// appointments the change would strand. Reads only: nothing is saved.
    public func previewHours(doctorID: Int64, hours: WeeklyHours, from: LocalDate, days: Int = 7) throws -> HoursPreview {
        let now = nowSeconds
        return try pool.read { db in
            let current = try calculator(doctorID: doctorID, db)
            let proposed = try calculator(doctorID: doctorID, db, hours: hours)
            let list = (0..<max(0, days)).map { i -> HoursPreview.Day in
                let date = from.adding(days: i)
                return HoursPreview.Day(date: date, slots: proposed.slots(on: date), currentCount: current.slots(on: date).count)
            }
            let stranded = try StoreRow.fetchAll(
                db,
                sql: """
                    SELECT code, start_at FROM appointment WHERE doctor_id = ? AND start_at > ? AND status IN \(AppointmentStatus.activeSQL)
                    ORDER BY start_at
                    """, arguments: [doctorID, now]
            ).compactMap { row -> String? in
                if case .slot = proposed.place(row[1]) { return nil }
                return row[0]
            }
            return HoursPreview(days: list, stranded: stranded)
        }
    }
}
