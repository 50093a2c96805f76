/// A doctor's slots on one local date, as a viewer may see them.
public struct DaySlots: Sendable, Equatable {
    /// One slot, free or taken.
    public struct Entry: Sendable, Equatable {
        public let slot: Slot
        public let free: Bool
        /// The holding appointment's code, when the viewer may see it.
        public let code: String?
    }

    public let doctorID: Int64
    public let date: LocalDate
    public let timeZone: ClinicTimeZone
    /// Slots not yet started, in order.
    public let entries: [Entry]
}
