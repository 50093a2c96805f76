/// What one actor may do to one thing, action by action, as the policy
/// decided it: what a screen builds its keys and footer from, each refusal's
/// sentence becoming the reason its key does nothing.
public struct AllowedActions<Action: Hashable & Sendable>: Sendable {
    /// One action and its decision.
    public struct Entry: Sendable {
        /// The action asked about.
        public let action: Action
        /// The policy's answer.
        public let decision: Decision
    }

    /// Every action asked about, in the order asked.
    public let entries: [Entry]

    /// Decides each of `actions` with `decide`.
    public init(_ actions: [Action], decide: (Action) -> Decision) {
        entries = actions.map { Entry(action: $0, decision: decide($0)) }
    }

    /// The decision on `action` (refused when it was not asked about: a screen
    /// offers only what the policy decided).
    public subscript(action: Action) -> Decision {
        entries.first { $0.action == action }?.decision ?? .refused(.forbidden, "this is not offered here")
    }

    /// Whether `action` is allowed.
    public func allows(_ action: Action) -> Bool { self[action].isAllowed }
}
