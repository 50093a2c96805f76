/// What an account is.
public enum Role: String, Sendable, CaseIterable, Codable {
    case patient, doctor, receptionist, admin

    /// Receptionists and admins run the desk.
    public var isDeskStaff: Bool { self == .receptionist || self == .admin }
}
