/// What an account is.
public enum Role: String, Sendable, CaseIterable, Codable {
    case patient, doctor, receptionist, admin

    /// Receptionists and admins run the desk.
    public var isDeskStaff: Bool { self == .receptionist || self == .admin }

    /// "a patient", "an admin": for messages.
    public var withArticle: String { (self == .admin ? "an " : "a ") + rawValue }
}
