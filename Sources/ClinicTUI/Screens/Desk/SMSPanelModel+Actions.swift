import ClinicCore

extension SMSPanelModel {
    /// Does what a key asked for.
    func perform(_ action: Action, key: Key) -> Effect {
        switch action {
        case .next: nextView(key)
        case .open:
            let t = target
            if let code = t.appointmentCode { return .push(AppointmentDetailModel(context, code: code)) }
            if let person = t.person, person.role == .patient { return .push(PatientCardModel(context, patientID: person.id)) }
        case .patient:
            if let person = target.person { return .push(PatientCardModel(context, patientID: person.id)) }
        case .retry:
            guard case .message(let m)? = selectedItem else { return .none }
            retry(m.id)
        case .correct: return correct()
        case .handle: markHandled()
        case .acceptOffer:
            guard let offer else { return .none }
            setOffer(nil)
            retry(offer.messageID)
        case .declineOffer:
            setOffer(nil)
            say("Not retried: r on the message sends it when you are ready.", .normal)
        }
        return .none
    }

    /// Sends message `id` again (to its person's current number), and says so or why not.
    func retry(_ id: Int64) {
        guard let actor = context.actor else { return }
        let said: (String, ThemeRole)
        do {
            let m = try context.store.retrySMS(id: id, by: actor)
            reloadKeeping()
            said = ("Message \(m.id) queued again to \(party(m.to)).", .success)
        } catch {
            said = (Format.error(error), .error)
            reloadKeeping()
        }
        say(said.0, said.1)
    }

    /// Opens the person's details to correct the number; back here, the retry to the new number is offered.
    func correct() -> Effect {
        guard let person = target.person, let account = try? context.store.account(matching: String(person.id)) else { return .none }
        var failed: Int64?
        switch selectedItem {
        case .message(let m)? where SMSRetryRule.failed(m.state, deliveryStatus: m.deliveryStatus): failed = m.id
        case .phone(let p)?:
            failed = outgoing.first { $0.to == p.phone && SMSRetryRule.failed($0.state, deliveryStatus: $0.deliveryStatus) }?.id
        default: break
        }
        correction = Correction(messageID: failed, accountID: account.id, phone: account.phone)
        let profile = context.actor.flatMap { try? context.store.patientProfile(accountID: account.id, viewer: $0) }
        return .push(AccountEditModel(context, account: account, profile: profile))
    }

    /// Back from a correction: when the number changed and a message had
    /// failed, offers to send it again to the new number.
    func finishCorrection() {
        guard let c = correction else { return }
        correction = nil
        guard let account = try? context.store.account(matching: String(c.accountID)), account.phone != c.phone else { return }
        guard let phone = account.phone else {
            say("\(account.name) has no phone number now: nothing can be texted to them.", .warning)
            return
        }
        guard let id = c.messageID else {
            say("\(account.name)'s number is \(phone) now.", .success)
            return
        }
        if view != .outgoing, outgoing.contains(where: { $0.id == id }) {
            view = .outgoing; list.reset(count: count, keeping: 0)
        }
        if let index = outgoing.firstIndex(where: { $0.id == id }) { list.select(index) }
        setOffer(RetryOffer(messageID: id, to: phone))
        say("\(account.name)'s number is \(phone) now. Retry message \(id) to it?", .success)
    }

    private func markHandled() {
        guard let r = selectedReply, let actor = context.actor else { return }
        do {
            try context.store.markHandled(inboundID: r.id, by: actor)
            say("Reply from \(party(r.from)) marked handled.", .success)
        } catch { say(Format.error(error), .error) }
        reloadKeeping()
    }

    /// Re-reads, keeping the selection's place.
    private func reloadKeeping() {
        let keep = list.selected, said = notice
        reload()
        notice = said
        list.select(keep)
    }
}
