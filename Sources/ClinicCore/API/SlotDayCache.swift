import Synchronization

/// Doctors' days (`SlotDay`) as last read, each with the database's version
/// then (`PRAGMA data_version`, which any commit of any process moves): a
/// day read at the version the request saw is answered without a read. A
/// booking, a cancellation, a move, new hours or time off — here or in any
/// other process — moves the version, so the very next request reads again
/// and every viewer sees the change as soon as it is committed. What each
/// viewer may see of a day (codes, started slots) is decided per request.
final class SlotDayCache: Sendable {
    private struct Key: Hashable {
        let doctorID: Int64
        let date: LocalDate
    }

    private let capacity: Int
    private let days = Mutex<[Key: (version: Int64, day: SlotDay)]>([:])

    /// A cache of at most `capacity` days (a big clinic's two busy months;
    /// when full it starts again empty).
    init(capacity: Int = 50_000) { self.capacity = capacity }

    /// The doctor's day at `version` (the database's version read before, in
    /// this request), from the cache or through `read`, which is then kept.
    func day(doctorID: Int64, on date: LocalDate, version: Int64, read: () throws -> SlotDay) rethrows -> SlotDay {
        let key = Key(doctorID: doctorID, date: date)
        if let known = days.withLock({ $0[key] }), known.version == version { return known.day }
        let day = try read()
        days.withLock { days in
            if days.count >= capacity, days[key] == nil { days.removeAll(keepingCapacity: true) }
            days[key] = (version, day)
        }
        return day
    }
}
