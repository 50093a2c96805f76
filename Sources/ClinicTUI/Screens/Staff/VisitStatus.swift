import ClinicCore

/// How an appointment's state reads on the staff screens: its status, or
/// `late` once it has started and the patient is not checked in yet.
/// `now` comes from the injected clock, never the wall clock.
struct VisitStatus: Sendable, Equatable {
    let text: String
    let role: ThemeRole

    init(_ appointment: Appointment, now: Int64) {
        let waiting = appointment.status == .scheduled || appointment.status == .confirmed
        if waiting && now >= appointment.start {
            text = "late \((now - appointment.start) / 60)m"; role = .warning
        } else {
            text = Format.status(appointment.status); role = Format.role(appointment.status)
        }
    }

}

/// The day shown by a staff screen and the keys that move it: `[` `]` `t`.
struct DayPicker: Sendable, Equatable {
    enum Action: Sendable { case previous, next, today }
    private(set) var date: LocalDate

    init(_ date: LocalDate) { self.date = date }

    static let bindings: [Binding<Action>] = [
        Binding([.char("[")], .previous, "previous day", footer: false),
        Binding([.char("]")], .next, "next day", footer: false),
        Binding([.char("t")], .today, "today", footer: false),
    ]

    /// The footer's short form of the three keys, then each in help.
    static var hints: [KeyHint] { [KeyHint(keys: "[ ] t", label: "day", inFooter: true)] + bindings.hints() }

    /// Moves the day on `[` `]` `t`; returns whether the key was one of them.
    mutating func handle(_ key: Key, today: LocalDate) -> Bool {
        switch Self.bindings.action(for: key) {
        case .previous?: date = date.adding(days: -1)
        case .next?: date = date.adding(days: 1)
        case .today?: date = today
        case nil: return false
        }
        return true
    }

    /// `◂ [  Tue 3 Mar 2026  ] ▸`, with `(today)` when it is.
    func label(today: LocalDate) -> String {
        "◂ [  \(Format.day(date))\(date == today ? " (today)" : "")  ] ▸"
    }
}
