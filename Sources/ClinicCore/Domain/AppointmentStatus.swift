/// Where an appointment is in its life (DESIGN §2, Statuses).
public enum AppointmentStatus: String, Sendable, CaseIterable, Codable {
    case scheduled, confirmed
    case checkedIn = "checked_in"
    case completed, cancelled
    case noShow = "no_show"

    /// Active statuses hold the slot.
    public var isActive: Bool { self == .scheduled || self == .confirmed || self == .checkedIn }

    /// completed, cancelled and no_show never change again.
    public var isFinal: Bool { !isActive }

    /// The status in words, for messages: "checked-in", "no-show".
    public var words: String {
        switch self {
        case .checkedIn: return "checked-in"
        case .noShow: return "no-show"
        default: return rawValue
        }
    }

    /// The SQL list used by the partial unique index and queries.
    static let activeSQL = "('scheduled','confirmed','checked_in')"
}
