import ClinicCore

/// The desk's SMS panel (`m` on the board): outgoing messages that failed or
/// are still waiting, the messages sent (with the outbox gateway this is where
/// they are read), recent replies from patients (those needing a call marked),
/// and numbers flagged as bad or opted out. Tab switches the view. Each item
/// opens its appointment (Enter) or its person's card (`p`); a failed message
/// is sent again with `r`, or its person's number corrected with `e` (then
/// the retry to the new number is offered); a flagged reply is marked handled
/// with `h`. Under the list the selected item shows whole: who, what came of
/// it in words, and its body wrapped.
final class SMSPanelModel: ScreenModel {
    /// Which list is shown.
    enum View: Int, Sendable, CaseIterable { case outgoing, sent, replies, flagged }
    enum Action: Sendable { case next, open, patient, retry, correct, handle, acceptOffer, declineOffer }
    /// The retry offered once the desk corrected a number: the message, the new number.
    struct RetryOffer: Sendable, Equatable {
        let messageID: Int64
        let to: String
    }
    /// A correction under way: the failed message (if one), the account and its number before.
    struct Correction: Sendable {
        let messageID: Int64?
        let accountID: Int64
        let phone: String?
    }

    let context: AppContext
    var view: View = .outgoing
    /// Failed, undelivered or still pending outgoing messages, newest first.
    private(set) var outgoing: [OutboxMessage] = []
    /// Messages sent and not reported undelivered, newest first.
    private(set) var sent: [OutboxMessage] = []
    private(set) var replies: [InboundSMSRecord] = []
    private(set) var flagged: [PhoneStatus] = []
    /// Who holds each number listed, now.
    private(set) var owners: [String: PhoneOwner] = [:]
    var list = ListState()
    private(set) var error: String?
    var notice: (text: String, role: ThemeRole)?
    /// The retry offered after a number was corrected (`y` sends, `n` not now).
    private(set) var offer: RetryOffer?
    var correction: Correction?
    /// The selected item's appointment, person and retry decision, read once per selection.
    var resolved: (key: String, target: SMSPanelTarget)?
    /// How far back the panel looks.
    static let limit = 500

    init(_ context: AppContext) { self.context = context; reload() }

    /// The keys: the offer's answers while one is made, then the selected
    /// item's (open, retry, correct, handle), the person's card and the next view.
    var bindings: [Binding<Action>] {
        var keys: [Binding<Action>] = []
        if offer != nil {
            keys += [Binding([.char("y")], .acceptOffer, "retry to the new number"), Binding([.char("n")], .declineOffer, "not now")]
        }
        if let item = selectedItem {
            let t = target
            keys.append(Binding([.enter], .open, t.appointmentCode == nil ? "open patient" : "open visit", decision: t.openDecision))
            if case .message = item, view == .outgoing {
                keys.append(Binding([.char("r")], .retry, "retry", decision: t.retry))
            }
            if view == .outgoing || view == .flagged {
                keys.append(Binding([.char("e")], .correct, "correct number", decision: t.correctDecision(context)))
            }
            if let r = selectedReply {
                let decision: Decision =
                    r.attentionReason == nil
                    ? .refused(.invalidInput, "this reply needs nothing from the desk")
                    : r.handledAt != nil
                        ? .refused(.conflict, "handled already by \(r.handledBy ?? "someone")")
                        : Policy.decide(.handleReplies, by: context.actor)
                keys.append(Binding([.char("h")], .handle, "mark handled", decision: decision))
            }
            if view != .flagged {
                keys.append(Binding([.char("p")], .patient, "patient's card", decision: t.patientDecision))
            }
        }
        keys.append(Binding([.tab, .right, .left], .next, "next view"))
        return keys
    }

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
        if list.handle(key, page: 10) { notice = nil; offer = nil; return .none }
        switch bindings.match(key) {
        case .refused(let reason)?:
            notice = (Format.refusal(reason), .warning)
            return .none
        case .action(let action)?:
            return perform(action, key: key)
        case nil: return .unhandled
        }
    }

    /// Moves to the next (→, Tab) or previous (←) view.
    func nextView(_ key: Key) {
        notice = nil; offer = nil
        let step = key == .left ? View.allCases.count - 1 : 1
        view = View(rawValue: (view.rawValue + step) % View.allCases.count)!
        list.reset(count: count, keeping: 0)
    }

    /// Shows `text` on the notice line.
    func say(_ text: String, _ role: ThemeRole) { notice = (text, role) }

    /// Makes (or withdraws) the retry offer.
    func setOffer(_ offer: RetryOffer?) { self.offer = offer }

    func reload() {
        if let flash = context.flash { notice = (flash, .success); context.flash = nil }
        do {
            let log = try context.store.smsLog(SMSLogFilter(limit: Self.limit))
            outgoing = log.filter(Self.needsAttention)
            sent = log.filter { $0.state == .sent && !Self.needsAttention($0) }
            replies = try context.store.inboundSMS(limit: 200)
            flagged = try context.store.flaggedPhones()
            owners = try context.store.phoneOwners(log.map(\.to) + replies.map(\.from) + flagged.map(\.phone))
            error = nil
        } catch { self.error = Format.error(error) }
        resolved = nil
        list.reset(count: count)
        finishCorrection()
    }

    /// The note on the selected outgoing or sent message, when it has one (an
    /// earlier attempt was interrupted, so the patient may have it twice): shown
    /// above the table, where it is never cut.
    var selectedNote: String? {
        guard case .message(let m)? = selectedItem, let note = m.note else { return nil }
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
