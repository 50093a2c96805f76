/// Who may do what, in one place (DESIGN §2 "Statuses and who may move them",
/// Accounts): every action the store performs, decided from who asks and the
/// facts the store gathered in its own transaction. The policy is pure — no
/// I/O, no clock; `now` is one of the facts — so every cell of its table is a
/// one-line test, and the store, the screens (their keys and footers), the CLI
/// and the SMS webhook all get the same answer.
///
/// `decide(action, by: actor, facts:)` has one form per kind of thing acted
/// on: an appointment (`AppointmentAction`), an account (`AccountAction`), a
/// doctor's schedule (`ScheduleAction`) and the clinic (`ClinicAction`). A nil
/// actor is nobody signed in (a patient signing up at the kiosk).
///
/// The policy rules on who and which status moves; refusals because of other
/// data (a taken slot, hours that would strand bookings, the clinic's only
/// admin) stay with the store's queries.
public enum Policy {
    /// How long after a check-in the desk may undo it (a mistaken key), in seconds.
    public static let checkInUndoGraceSeconds: Int64 = 10 * 60

    /// The answer to nobody signed in, for anything but signing up.
    static let signInFirst = Decision.refused(.unauthorized, "sign in first")

    /// `you may not …`: an actor asking for something that is not theirs to do.
    static func forbidden(_ what: String) -> Decision { .refused(.forbidden, "you may not \(what)") }
}
