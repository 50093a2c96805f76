/// One thing a screen does on a key: the keys, the action, and the label shown
/// in the footer and in `?` help, which are generated from the bindings so they
/// cannot disagree with what the keys do (STYLE rule 6).
public struct Binding<Action>: Sendable where Action: Sendable {
    public let keys: [Key]
    public let action: Action
    public let label: String
    /// Whether the footer shows it (help always does).
    public let inFooter: Bool

    public init(_ keys: [Key], _ action: Action, _ label: String, footer: Bool = true) {
        self.keys = keys; self.action = action; self.label = label; self.inFooter = footer
    }

    /// The hint the footer and help show.
    public var hint: KeyHint { KeyHint(keys: keys.map(\.label).joined(separator: "/"), label: label, inFooter: inFooter) }
}

extension Array {
    /// The action bound to `key`, if any.
    public func action<A>(for key: Key) -> A? where Element == Binding<A> {
        first { $0.keys.contains(key) }?.action
    }

    /// The hints of these bindings.
    public func hints<A>() -> [KeyHint] where Element == Binding<A> { map(\.hint) }
}

/// A key and what it does, as shown to people.
public struct KeyHint: Sendable, Equatable {
    public let keys: String
    public let label: String
    public let inFooter: Bool
    public init(keys: String, label: String, inFooter: Bool = true) {
        self.keys = keys; self.label = label; self.inFooter = inFooter
    }
}
