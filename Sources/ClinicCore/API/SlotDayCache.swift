import Synchronization

/// Doctors' days (`SlotDay`) as read at the database's current version
/// (`PRAGMA data_version`, which any commit of any process moves): a day
/// read at the version the request saw is answered without a read. A
/// booking, a cancellation, a move, new hours or time off — here or in any
/// other process — moves the version, so the very next request reads again
/// and every viewer sees the change as soon as it is committed; the days
/// kept before it are dropped then. What each viewer may see of a day
/// (codes, started slots) is decided per request.
final class SlotDayCache: Sendable {
    private struct Key: Hashable {
        let doctorID: Int64
        let date: LocalDate
    }

    private let capacity: Int
    private let state = Mutex<(version: Int64, days: [Key: SlotDay])>((-1, [:]))

    /// A cache of at most `capacity` days (every doctor's next month at a
    /// clinic of a thousand doctors, about 25 MB; when full it starts again).
    init(capacity: Int = 40_000) { self.capacity = capacity }

    /// The doctor's day at `version` (the database's version, read before
    /// anything else in this request), from the cache or through `read`,
    /// which is kept unless the version has moved on meanwhile.
    func day(doctorID: Int64, on date: LocalDate, version: Int64, read: () throws -> SlotDay) rethrows -> SlotDay {
        let key = Key(doctorID: doctorID, date: date)
        let known = state.withLock { $0.version == version ? $0.days[key] : nil }
        if let known { return known }
        let day = try read()
        state.withLock { state in
            if state.version < version { state = (version, [:]) }  // versions only grow: the days kept are stale
            guard state.version == version else { return }  // read before a newer version was seen: keep nothing
            if state.days.count >= capacity { state.days.removeAll(keepingCapacity: true) }
            state.days[key] = day
        }
        return day
    }
}
