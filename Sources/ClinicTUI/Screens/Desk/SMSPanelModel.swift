import ClinicCore

/// The desk's SMS panel (`m` on the board): outgoing messages that failed or
/// are still waiting, the messages sent (with the outbox gateway this is where
/// they are read), recent replies from patients (those needing a call marked),
/// and numbers flagged as bad or opted out. Tab switches the view.
public final class SMSPanelModel: ScreenModel {
    /// Which list is shown.
    public enum View: Int, Sendable, CaseIterable { case outgoing, sent, replies, flagged }
    enum Action: Sendable { case next }
    let context: AppContext
    public private(set) var view: View = .outgoing
    /// Failed, undelivered or still pending outgoing messages, newest first.
    public private(set) var outgoing: [OutboxMessage] = []
    /// Messages sent and not reported undelivered, newest first.
    public private(set) var sent: [OutboxMessage] = []
    public private(set) var replies: [InboundSMSRecord] = []
    public private(set) var flagged: [PhoneStatus] = []
    public internal(set) var list = ListState()
    public private(set) var error: String?
    /// How far back the panel looks.
    public static let limit = 500

    public init(_ context: AppContext) { self.context = context; reload() }

    let bindings: [Binding<Action>] = [Binding([.tab, .right, .left], .next, "next view")]
    public var title: String { "SMS messages" }
    public var hints: [KeyHint] { [KeyHint(keys: "↑↓/jk", label: "move", inFooter: false)] + bindings.hints() }

    /// Rows in the current view.
    public var count: Int {
        switch view {
        case .outgoing: return outgoing.count
        case .sent: return sent.count
        case .replies: return replies.count
        case .flagged: return flagged.count
        }
    }

    public func handle(_ key: Key) -> Effect {
        if list.handle(key, page: 10) { return .none }
        switch bindings.action(for: key) {
        case .next?:
            let step = key == .left ? View.allCases.count - 1 : 1
            view = View(rawValue: (view.rawValue + step) % View.allCases.count)!
            list.reset(count: count, keeping: 0)
            return .none
        case nil: return .unhandled
        }
    }

    public func reload() {
        do {
            let log = try context.store.smsLog(SMSLogFilter(limit: Self.limit))
            outgoing = log.filter(Self.needsAttention)
            sent = log.filter { $0.state == .sent && !Self.needsAttention($0) }
            replies = try context.store.inboundSMS(limit: 200)
            flagged = try context.store.flaggedPhones()
            error = nil
        } catch { self.error = Format.error(error) }
        list.reset(count: count)
    }

    /// The note on the selected outgoing or sent message, when it has one (an
    /// earlier attempt was interrupted, so the patient may have it twice): shown
    /// above the table, where it is never cut.
    public var selectedNote: String? {
        let messages = view == .outgoing ? outgoing : view == .sent ? sent : []
        guard messages.indices.contains(list.selected), let note = messages[list.selected].note else { return nil }
        let m = messages[list.selected]
        return "⚠ \(m.appointmentCode.map { "\($0) " } ?? "")to \(m.to): \(note)"
    }

    /// Failed, not delivered, or not sent yet.
    static func needsAttention(_ m: OutboxMessage) -> Bool {
        switch m.state {
        case .failed, .queued, .sending: return true
        case .skipped: return false
        case .sent: return m.deliveryStatus == "undelivered" || m.deliveryStatus == "failed"
        }
    }
}
