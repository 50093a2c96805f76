/// Who asks for a change, and how it reached us. The core decides what each
/// actor may do; screens and commands only pass it along.
public struct Actor: Sendable, Hashable {
    /// How a change arrived (recorded in the audit trail).
    public enum Via: String, Sendable, CaseIterable, Codable {
        case tui, kiosk, sms, scheduler, cli, api
    }

    /// What kind of actor this is.
    public enum Kind: Sendable, Hashable {
        case account(id: Int64, role: Role)
        /// The server-side administrator at the shell (`clinic …` without `--as`).
        case shellAdmin
        /// The background scheduler.
        case scheduler
    }

    public let kind: Kind
    public let via: Via

    public init(_ kind: Kind, via: Via) {
        self.kind = kind
        self.via = via
    }

    /// An account acting through a channel.
    public static func account(_ id: Int64, _ role: Role, via: Via) -> Actor { Actor(.account(id: id, role: role), via: via) }
    /// The admin at the server shell.
    public static let shell = Actor(.shellAdmin, via: .cli)
    /// The scheduler.
    public static let scheduler = Actor(.scheduler, via: .scheduler)

    /// The acting account's id, if any.
    public var accountID: Int64? {
        if case .account(let id, _) = kind { return id }
        return nil
    }

    /// The role the rules see: the shell admin is an admin; the scheduler has none.
    public var role: Role? {
        switch kind {
        case .account(_, let role): return role
        case .shellAdmin: return .admin
        case .scheduler: return nil
        }
    }

    /// Text for the audit trail's actor role column.
    var auditRole: String { role?.rawValue ?? "scheduler" }
}
