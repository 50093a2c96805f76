import ClinicCore

/// One thing a screen does on a key: the keys, the action, and the label shown
/// in the footer and in `?` help, which are generated from the bindings so they
/// cannot disagree with what the keys do (STYLE rule 6). A binding may be
/// disabled with a reason — the core policy's refusal sentence, as lazygit's
/// `GetDisabledReason` — which help lists and a press of the key shows.
struct Binding<Action>: Sendable where Action: Sendable {
    let keys: [Key]
    let action: Action
    let label: String
    /// Whether the footer shows it (help always does).
    let inFooter: Bool
    /// Why the key does nothing now (nil: it works).
    let disabledReason: String?

    /// A key for `action`; `disabledReason` says why it does nothing now (nil: it works).
    init(_ keys: [Key], _ action: Action, _ label: String, footer: Bool = true, disabledReason: String? = nil) {
        self.keys = keys; self.action = action; self.label = label; self.inFooter = footer
        self.disabledReason = disabledReason
    }

    /// A key for an action the core's policy decided (nil: not decided, the
    /// key works and the core decides when it is pressed). A refused key keeps
    /// the refusal's sentence as its disabled reason: the footer dims it when
    /// it is refused for now (`invalid_transition`: not before the start, not
    /// once cancelled …) and leaves it out when it is not this person's to do
    /// at all (`forbidden`); help lists it either way, with the reason.
    init(_ keys: [Key], _ action: Action, _ label: String, footer: Bool = true, decision: Decision?) {
        self.init(keys, action, label, footer: footer && decision?.code != .forbidden, disabledReason: decision?.reason)
    }

    /// Whether the key works now.
    var isEnabled: Bool { disabledReason == nil }

    /// The hint the footer and help show.
    var hint: KeyHint {
        KeyHint(keys: keys.map(\.label).joined(separator: "/"), label: label, inFooter: inFooter, disabledReason: disabledReason)
    }
}

/// What a key means on a screen: its action, or the reason it does nothing now.
enum KeyMatch<Action> {
    /// The key works: do this.
    case action(Action)
    /// The key does nothing now, for this reason (show it).
    case refused(String)
}

extension Array {
    /// The action bound to `key`, if any and enabled.
    func action<A>(for key: Key) -> A? where Element == Binding<A> {
        first { $0.keys.contains(key) && $0.isEnabled }?.action
    }

    /// What `key` does: the action of its enabled binding, or the disabled
    /// binding's reason (nil: no binding has the key).
    func match<A>(_ key: Key) -> KeyMatch<A>? where Element == Binding<A> {
        guard let binding = first(where: { $0.keys.contains(key) }) else { return nil }
        return binding.disabledReason.map { .refused($0) } ?? .action(binding.action)
    }

    /// The hints of these bindings.
    func hints<A>() -> [KeyHint] where Element == Binding<A> { map(\.hint) }
}

/// A key and what it does, as shown to people.
struct KeyHint: Sendable, Equatable {
    let keys: String
    let label: String
    let inFooter: Bool
    /// Why the key does nothing now (nil: it works): the footer dims it, help says why.
    let disabledReason: String?
    init(keys: String, label: String, inFooter: Bool = true, disabledReason: String? = nil) {
        self.keys = keys; self.label = label; self.inFooter = inFooter; self.disabledReason = disabledReason
    }
}
