import ClinicCore

/// The selected item of the SMS panel shown whole: a heading, then labelled
/// paragraphs (who, what came of it in words, the body), each wrapped.
struct SMSPanelDetail: Sendable, Equatable {
    struct Paragraph: Sendable, Equatable {
        let label: String
        let text: String
        var role: ThemeRole = .normal
    }
    let heading: String
    let paragraphs: [Paragraph]
}

extension SMSPanelModel {
    /// The selected item in full, or nil when nothing is selected.
    var detail: SMSPanelDetail? {
        let zone = context.timeZone
        typealias P = SMSPanelDetail.Paragraph
        switch selectedItem {
        case .message(let m)?:
            let to = [party(m.to), m.appointmentCode].compactMap { $0 }.joined(separator: " · ")
            var paragraphs = [
                P(label: "To", text: to),
                P(label: "Outcome", text: SMSText.outcome(m), role: Self.role(of: m)),
                P(label: "Message", text: m.body),
            ]
            if let note = m.note { paragraphs.append(P(label: "Note", text: note, role: .warning)) }
            paragraphs += target.history.map { P(label: "Retried", text: "\(Format.shortDateTime($0.at, zone)): \($0.text)", role: .dim) }
            return SMSPanelDetail(
                heading: "Message \(m.id) · \(SMSText.kind(m.kind)) · \(Format.shortDateTime(m.createdAt, zone))", paragraphs: paragraphs)
        case .reply(let r)?:
            var paragraphs = [
                P(label: "From", text: party(r.from)),
                P(label: "Outcome", text: SMSOutcomeText.sentence(outcome: r.outcome, code: r.appointmentCode)),
            ]
            if let desk = SMSOutcomeText.desk(r, handledOn: { Format.shortDateTime($0, zone) }) {
                paragraphs.append(P(label: "Desk", text: desk, role: r.waiting ? .warning : .success))
            }
            paragraphs.append(P(label: "Message", text: r.body))
            if let reply = r.reply { paragraphs.append(P(label: "Answer", text: reply, role: .dim)) }
            return SMSPanelDetail(heading: "Reply \(r.id) · \(Format.shortDateTime(r.receivedAt, zone))", paragraphs: paragraphs)
        case .phone(let p)?:
            let holder = target.person.map { "\($0.name) (\($0.role.rawValue))" } ?? "nobody has this number now"
            var paragraphs = [
                P(label: "Holder", text: holder),
                P(label: "SMS", text: p.optedOut ? "Opted out: nothing is sent to it (\(p.source ?? "STOP"))" : "Receives SMS"),
            ]
            if let code = p.flagCode {
                paragraphs.append(P(label: "Flag", text: SMSText.problem(code: code, message: p.flag), role: .warning))
            } else if let flag = p.flag {
                paragraphs.append(P(label: "Flag", text: flag, role: .warning))
            }
            return SMSPanelDetail(heading: p.phone, paragraphs: paragraphs)
        case nil: return nil
        }
    }

    /// A message's outcome colour: failed red, waiting yellow, sent plain.
    static func role(of m: OutboxMessage) -> ThemeRole {
        if SMSRetryRule.failed(m.state, deliveryStatus: m.deliveryStatus) { return .error }
        return m.state == .queued || m.state == .sending ? .warning : .normal
    }
}
