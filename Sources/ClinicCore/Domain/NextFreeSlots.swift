/// Whose free slots an earliest-free-slot search looks at.
public enum SlotSearchScope: Sendable, Hashable {
    /// Every active doctor.
    case anyDoctor
    /// The active doctors of one specialization (matched ignoring ASCII case).
    case specialization(String)
    /// One doctor, who must be active.
    case doctor(Int64)
}

/// The earliest free slots from a local date on, across the doctors of a
/// scope: earliest first, a tie by the doctor's name. Free slots carry no
/// appointment codes, so every viewer sees the same list.
public struct NextFreeSlots: Sendable, Equatable {
    /// One free slot and the doctor who offers it.
    public struct Entry: Sendable, Equatable {
        public let doctor: DoctorListing
        public let slot: Slot
    }

    /// At most `limit` slots, earliest first.
    public let entries: [Entry]
    public let timeZone: ClinicTimeZone
    /// The first local date searched (today when an earlier one was asked for).
    public let from: LocalDate
    /// The last local date searched: the day the list filled up, or the end
    /// of the horizon (or of the booking window) when it did not.
    public let through: LocalDate
    /// How many slots were asked for.
    public let limit: Int

    /// Fewer slots than asked for: the horizon ran out first.
    public var exhausted: Bool { entries.count < limit }
}
