/// What the policy answers: allowed, or refused with one of the contract's
/// codes and one sentence saying why. The store throws the refusal as it is;
/// a screen shows the sentence as the reason a key does nothing.
public enum Decision: Sendable, Equatable {
    /// The action may go ahead.
    case allowed
    /// It may not: the contract's code and the sentence saying why.
    case refused(ClinicError.Code, String)

    /// Whether the action may go ahead.
    public var isAllowed: Bool { self == .allowed }

    /// The refusal's code, nil when allowed.
    public var code: ClinicError.Code? {
        if case .refused(let code, _) = self { return code }
        return nil
    }

    /// The refusal's sentence, nil when allowed: what a screen shows as a
    /// key's disabled reason.
    public var reason: String? {
        if case .refused(_, let reason) = self { return reason }
        return nil
    }

    /// Throws the refusal as the contract's error: the store calls this
    /// before it writes, so every refusal of who may do what comes from here.
    func enforce() throws {
        if case .refused(let code, let reason) = self { throw ClinicError(code, reason) }
    }
}
