/// The taken starts an earliest-free-slot search asks for, read ahead once it
/// goes on past a day: when the same doctors are asked about a later span, the
/// read also covers up to a week after it (fewer days the more doctors: about
/// 64 doctor-days at a time), so a search through a full calendar is a read
/// per week rather than per day (a round trip each on PostgreSQL). A search
/// that ends on its first day, as most do, reads only that day.
struct TakenStartsReader {
    static func lookAheadSeconds(doctors: Int) -> Int64 { Int64(min(7, max(1, 64 / max(1, doctors)))) * 86_400 }

    private var ids: [Int64] = []
    private var span: ClosedRange<Int64>?
    private var taken: Set<FreeSlotSearch.Key> = []

    /// The starts held in `range` for `doctorIDs` (a superset: starts read
    /// ahead for them are in it too, which the search never asks about twice).
    mutating func taken(
        _ doctorIDs: [Int64], in range: ClosedRange<Int64>, _ read: ([Int64], ClosedRange<Int64>) throws -> Set<FreeSlotSearch.Key>
    ) rethrows -> Set<FreeSlotSearch.Key> {
        if doctorIDs == ids, let span, span.contains(range.lowerBound), span.contains(range.upperBound) { return taken }
        let ahead = doctorIDs == ids && span != nil  // the same doctors again: the search goes on, read the week ahead
        let upper = ahead ? range.upperBound + Self.lookAheadSeconds(doctors: doctorIDs.count) : range.upperBound
        taken = try read(doctorIDs, range.lowerBound...upper)
        ids = doctorIDs
        span = range.lowerBound...upper
        return taken
    }
}
