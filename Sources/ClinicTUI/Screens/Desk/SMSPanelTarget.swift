import ClinicCore

/// What the SMS panel's selected row is.
enum SMSPanelItem: Sendable {
    case message(OutboxMessage)
    case reply(InboundSMSRecord)
    case phone(PhoneStatus)

    /// The number it went to, came from, or is.
    var phone: String {
        switch self {
        case .message(let m): return m.to
        case .reply(let r): return r.from
        case .phone(let p): return p.phone
        }
    }

    /// The row's identity across reloads.
    var key: String {
        switch self {
        case .message(let m): return "m\(m.id)"
        case .reply(let r): return "r\(r.id)"
        case .phone(let p): return "p\(p.phone)"
        }
    }
}

/// What the selected item leads to, read once per selection: its
/// appointment, the person whose number it is (for a message about an
/// appointment, its patient or doctor, whatever number it went to), and
/// whether it may be retried.
struct SMSPanelTarget: Sendable {
    var appointmentCode: String?
    var person: PhoneOwner?
    /// The retry's decision (outgoing messages only).
    var retry: Decision?
    /// The desk's earlier retries of the message: when, and what each says.
    var history: [(at: Int64, text: String)] = []
    let phone: String

    /// Enter: the appointment, else the person's card; refused with a reason when there is neither.
    var openDecision: Decision {
        appointmentCode != nil || person?.role == .patient
            ? .allowed : .refused(.notFound, "\(phone) is no patient's number now, and the message names no appointment")
    }

    /// `p`: the patient's card.
    var patientDecision: Decision {
        person?.role == .patient ? .allowed : .refused(.notFound, "\(phone) is no patient's number now")
    }

    /// `e`: someone to correct; the core's policy decides the rest when saving.
    func correctDecision(_ context: AppContext) -> Decision {
        guard let person else { return .refused(.notFound, "\(phone) is nobody's number now: find the patient with / on the board") }
        if person.role != .patient, context.actor?.role != .admin {
            return .refused(.forbidden, "only an admin edits a staff member's number")
        }
        return .allowed
    }
}

extension SMSPanelModel {
    /// The selected row, in the current view.
    var selectedItem: SMSPanelItem? {
        let i = list.selected
        switch view {
        case .outgoing: return outgoing.indices.contains(i) ? .message(outgoing[i]) : nil
        case .sent: return sent.indices.contains(i) ? .message(sent[i]) : nil
        case .replies: return replies.indices.contains(i) ? .reply(replies[i]) : nil
        case .flagged: return flagged.indices.contains(i) ? .phone(flagged[i]) : nil
        }
    }

    /// The name of whoever holds `phone` now, if anyone.
    func name(of phone: String) -> String? { owners[phone]?.name }

    /// A number with its holder's name beside it: `Pia Novak · +15550100001`, or the number alone.
    func party(_ phone: String) -> String { name(of: phone).map { "\($0) · \(phone)" } ?? phone }

    /// The selected item's target (read on first use after a selection or reload).
    var target: SMSPanelTarget {
        guard let item = selectedItem else { return SMSPanelTarget(phone: "") }
        if let resolved, resolved.key == item.key { return resolved.target }
        let t = resolve(item)
        resolved = (item.key, t)
        return t
    }

    private func resolve(_ item: SMSPanelItem) -> SMSPanelTarget {
        var t = SMSPanelTarget(person: owners[item.phone], phone: item.phone)
        switch item {
        case .message(let m):
            t.appointmentCode = m.appointmentCode
            if let code = m.appointmentCode, let a = try? context.store.appointment(code: code) {
                let party = m.recipient == .doctor ? a.doctor : a.patient
                t.person = PhoneOwner(id: party.id, name: party.name, role: m.recipient == .doctor ? .doctor : .patient)
            }
            if view == .outgoing {
                t.retry = (try? context.store.retryDecision(id: m.id, by: context.actor)) ?? .refused(.notFound, "the message is gone")
            }
            t.history = (try? context.store.smsHistory(outboxID: m.id)) ?? []
        case .reply(let r):
            t.appointmentCode = r.appointmentCode
            if t.person == nil, let code = r.appointmentCode, let a = try? context.store.appointment(code: code) {
                t.person = PhoneOwner(id: a.patient.id, name: a.patient.name, role: .patient)
            }
        case .phone: break
        }
        return t
    }
}
