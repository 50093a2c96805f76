import GRDB

/// One day of the whole clinic in counts, without reading its appointments'
/// rows one by one: what the desk's board needs to lay out a day of thousands
/// of appointments and load only the part on screen.
public struct DaySummary: Sendable, Equatable {
    /// One doctor's part of the day.
    public struct Doctor: Sendable, Equatable {
        public let doctorID: Int64
        /// Appointments of any status starting that day.
        public let total: Int
        /// Scheduled, confirmed or checked in.
        public let active: Int
        public let checkedIn: Int
    }

    /// Doctors with at least one appointment that day.
    public let doctors: [Int64: Doctor]
    /// The starts of the day's scheduled and confirmed appointments, ascending: late ones are those at or before now.
    public let waitingStarts: [Int64]

    /// An empty day.
    public static let empty = DaySummary(doctors: [:], waitingStarts: [])

    public var checkedIn: Int { doctors.values.reduce(0) { $0 + $1.checkedIn } }

    /// Scheduled or confirmed appointments that have started by `now` (late: not checked in).
    public func late(at now: Int64) -> Int {
        var low = 0, high = waitingStarts.count
        while low < high {
            let mid = (low + high) / 2
            if waitingStarts[mid] <= now { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

extension ClinicStore {
    /// The counts of the appointments starting in `[from, to)`, per doctor.
    public func daySummary(from: Int64, to: Int64) throws -> DaySummary {
        try pool.read { db in
            var doctors: [Int64: DaySummary.Doctor] = [:]
            // covered by the (doctor, start, status) index: no appointment row is read
            let rows = try StoreRow.fetchCursor(
                db,
                sql: """
                    SELECT doctor_id, COUNT(*), COUNT(*) FILTER (WHERE status IN \(AppointmentStatus.activeSQL)), COUNT(*) FILTER (WHERE status = 'checked_in')
                    FROM appointment WHERE start_at >= ? AND start_at < ? GROUP BY doctor_id
                    """, arguments: [from, to])
            while let row = try rows.next() {
                let id: Int64 = row[0]
                doctors[id] = .init(doctorID: id, total: row[1], active: row[2], checkedIn: row[3])
            }
            let waiting = try Int64.fetchAll(
                db,
                sql: """
                    SELECT start_at FROM appointment WHERE start_at >= ? AND start_at < ? AND status IN ('scheduled', 'confirmed')
                    ORDER BY start_at
                    """, arguments: [from, to])
            return DaySummary(doctors: doctors, waitingStarts: waiting)
        }
    }

    /// The appointments of these doctors starting in `[from, to)`, by doctor, then start.
    public func appointments(doctorIDs: [Int64], from: Int64, to: Int64) throws -> [Int64: [Appointment]] {
        guard !doctorIDs.isEmpty else { return [:] }
        return try pool.read { db in
            let list = Set(doctorIDs).map(String.init).joined(separator: ",")
            var byDoctor: [Int64: [Appointment]] = [:]
            for a in try StoreRow.fetchAll(
                db,
                sql: Appointment.selectSQL + """
                     WHERE a.doctor_id IN (\(list)) AND a.start_at >= ? AND a.start_at < ? ORDER BY a.doctor_id, a.start_at, a.id
                    """, arguments: [from, to]
            ).map(Appointment.init(row:)) {
                byDoctor[a.doctor.id, default: []].append(a)
            }
            return byDoctor
        }
    }
}
