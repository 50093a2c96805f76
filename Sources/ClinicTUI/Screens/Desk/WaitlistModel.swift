import ClinicCore

/// The desk's waitlist for one doctor (`l` on the board): the patients
/// waiting for that doctor or any doctor of their specialization, first in
/// line first, each with the offer they have open. `a` adds a patient (the
/// patient search, then the days), `o` offers the earliest free slot in the
/// entry's days by SMS, `x` takes the entry off (press twice), `t` shows the
/// booked, removed and lapsed entries too. The keys are as the core's policy
/// decides them: a refused one is dimmed and says why when pressed.
final class WaitlistModel: ScreenModel {
    enum Action: Sendable { case add, offer, remove, toggleClosed }
    let context: AppContext
    let doctor: DoctorListing
    private(set) var entries: [WaitlistEntry] = []
    /// Also the entries no longer waiting.
    private(set) var showingClosed = false
    var list = ListState()
    private(set) var notice: (text: String, role: ThemeRole)?
    /// The entry waiting for the second `x`.
    private(set) var pendingRemove: Int64?

    init(_ context: AppContext, doctor: DoctorListing) {
        self.context = context; self.doctor = doctor
        reload()
    }

    var bindings: [Binding<Action>] {
        let actor = context.actor
        return [
            Binding([.char("a")], .add, "add", decision: Policy.decide(.join, by: actor, patientID: nil)),
            Binding([.char("o")], .offer, "offer", decision: offerDecision),
            Binding([.char("x")], .remove, "remove", decision: removeDecision),
            Binding([.char("t")], .toggleClosed, showingClosed ? "hide closed" : "show closed"),
        ]
    }
    var title: String { "Waitlist · \(doctor.name)" }
    var hints: [KeyHint] { [KeyHint(keys: "↑↓/jk", label: "move", inFooter: false)] + bindings.hints() }

    /// The selected entry, if any.
    var selected: WaitlistEntry? { entries.indices.contains(list.selected) ? entries[list.selected] : nil }
    /// How many wait (the closed ones shown are not counted).
    var waiting: Int { entries.filter { $0.position != nil }.count }

    /// `o`: the policy, then whether the selected entry can take an offer now.
    private var offerDecision: Decision? {
        let policy = Policy.decide(.offer, by: context.actor, patientID: nil)
        guard policy.isAllowed, let e = selected else { return policy }
        if e.position == nil { return .refused(.conflict, "\(e.patient.name) is no longer waiting") }
        if let open = e.openOffer {
            return .refused(
                .conflict, "\(e.patient.name) already has offer \(open.code) open until \(Format.time(open.expiresAt, context.timeZone))")
        }
        return .allowed
    }

    /// `x`: the policy for the selected entry's patient, then whether it still waits.
    private var removeDecision: Decision? {
        guard let e = selected else { return Policy.decide(.remove, by: context.actor, patientID: nil) }
        let policy = Policy.decide(.remove, by: context.actor, patientID: e.patient.id)
        guard policy.isAllowed else { return policy }
        return e.state == .waiting ? .allowed : .refused(.conflict, "\(e.patient.name)'s entry is \(e.state.rawValue) already")
    }

    func handle(_ key: Key) -> Effect {
        if list.handle(key, page: 10) { pendingRemove = nil; notice = nil; return .none }
        let match = bindings.match(key)
        if case .action(.remove)? = match {} else { pendingRemove = nil }
        switch match {
        case .refused(let reason)?: notice = (Format.refusal(reason), .warning)
        case .action(.add)?:
            notice = nil
            return .push(PatientSearchModel(context, waitlist: doctor))
        case .action(.offer)?: offer()
        case .action(.remove)?: remove()
        case .action(.toggleClosed)?:
            showingClosed.toggle(); notice = nil
            reload()
        case nil: return .unhandled
        }
        return .none
    }

    private func offer() {
        guard let e = selected, let actor = context.actor else { return }
        do {
            let o = try context.store.offerWaitlistSlot(entryID: e.id, doctorID: doctor.id, by: actor)
            let zone = context.timeZone
            notice = (
                "Offer \(o.code) texted: \(o.doctor.name), \(Format.shortDay(zone.local(o.start).date)) \(Format.time(o.start, zone)), "
                    + "open until \(Format.time(o.expiresAt, zone))",
                .success
            )
        } catch { notice = (Format.error(error), .error) }
        reload()
    }

    private func remove() {
        guard let e = selected, let actor = context.actor else { return }
        guard pendingRemove == e.id else {
            pendingRemove = e.id
            notice = ("Press x again to take \(e.patient.name) off the waitlist for \(e.wanted).", .warning)
            return
        }
        pendingRemove = nil
        do {
            try context.store.removeFromWaitlist(id: e.id, by: actor)
            notice = ("\(e.patient.name) is off the waitlist for \(e.wanted).", .success)
        } catch { notice = (Format.error(error), .error) }
        reload()
    }

    func reload() {
        if let flash = context.flash { notice = (flash, .success); context.flash = nil }
        guard let actor = context.actor else { return }
        let keep = selected?.id
        do {
            entries = try context.store.waitlist(doctorID: doctor.id, includeClosed: showingClosed, by: actor)
        } catch {
            entries = []; notice = (Format.error(error), .error)
        }
        list.reset(count: entries.count, keeping: entries.firstIndex { $0.id == keep })
    }
}
