import ClinicCore

/// The desk's SMS panel (`m` on the board): outgoing messages that failed or
/// are still waiting, the messages sent (with the outbox gateway this is where
/// they are read), recent replies from patients (those needing a call marked),
/// and numbers flagged as bad or opted out. Tab switches the view.
final class SMSPanelModel: ScreenModel {
    /// Which list is shown.
    enum View: Int, Sendable, CaseIterable { case outgoing, sent, replies, flagged }
    enum Action: Sendable { case next, handle }
    let context: AppContext
    private(set) var view: View = .outgoing
    /// Failed, undelivered or still pending outgoing messages, newest first.
    private(set) var outgoing: [OutboxMessage] = []
    /// Messages sent and not reported undelivered, newest first.
    private(set) var sent: [OutboxMessage] = []
    private(set) var replies: [InboundSMSRecord] = []
    private(set) var flagged: [PhoneStatus] = []
    var list = ListState()
    private(set) var error: String?
    /// How far back the panel looks.
    static let limit = 500

    init(_ context: AppContext) { self.context = context; reload() }

    /// The keys: the next view; on a reply flagged for the desk, mark it handled.
    var bindings: [Binding<Action>] {
        var keys = [Binding<Action>([.tab, .right, .left], .next, "next view")]
        if view == .replies, let r = selectedReply {
            let decision: Decision =
                r.attentionReason == nil
                ? .refused(.invalidInput, "this reply needs nothing from the desk")
                : r.handledAt != nil
                    ? .refused(.conflict, "handled already by \(r.handledBy ?? "someone")") : Policy.decide(.handleReplies, by: context.actor)
            keys.append(Binding([.char("h")], .handle, "mark handled", decision: decision))
        }
        return keys
    }
    private(set) var notice: (text: String, role: ThemeRole)?

    /// Flagged replies no one has handled yet.
    var waitingReplies: Int { replies.filter(\.waiting).count }

    /// The selected reply, in the replies view.
    var selectedReply: InboundSMSRecord? { view == .replies && replies.indices.contains(list.selected) ? replies[list.selected] : nil }
    var title: String { "SMS messages" }
    var hints: [KeyHint] { [KeyHint(keys: "↑↓/jk", label: "move", inFooter: false)] + bindings.hints() }

    /// Rows in the current view.
    var count: Int {
        switch view {
        case .outgoing: return outgoing.count
        case .sent: return sent.count
        case .replies: return replies.count
        case .flagged: return flagged.count
        }
    }

    func handle(_ key: Key) -> Effect {
        if list.handle(key, page: 10) { notice = nil; return .none }
        switch bindings.match(key) {
        case .refused(let reason)?:
            notice = (Format.refusal(reason), .warning)
            return .none
        case .action(.handle)?:
            guard let r = selectedReply, let actor = context.actor else { return .none }
            do {
                try context.store.markHandled(inboundID: r.id, by: actor)
                notice = ("Reply from \(r.from) marked handled.", .success)
            } catch { notice = (Format.error(error), .error) }
            let keep = list.selected
            reload()
            list.select(keep)
            return .none
        case .action(.next)?:
            notice = nil
            let step = key == .left ? View.allCases.count - 1 : 1
            view = View(rawValue: (view.rawValue + step) % View.allCases.count)!
            list.reset(count: count, keeping: 0)
            return .none
        case nil: return .unhandled
        }
    }

    func reload() {
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
    var selectedNote: String? {
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
