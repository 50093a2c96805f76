import ClinicCore
import Foundation

/// Which front end is running: the patients' kiosk or the staff terminal.
public enum AppMode: Sendable, Equatable {
    case kiosk, staff
}

/// What every screen works with: the store (the one way into the data), the
/// clinic's clock and zone, who is signed in, and the front end's mode.
public final class AppContext {
    let store: ClinicStore
    let mode: AppMode
    /// The clinic's name and time zone, as last read (an admin may change them while the screens run).
    private(set) var clinicName: String
    private(set) var timeZone: ClinicTimeZone
    /// Demo sign-ins shown on the sign-in screen (`clinic demo`).
    let demoSignIns: [DemoClinic.SignIn]
    /// The background services' state for the staff status line (nil: not shown).
    var servicesState: ServicesState?
    /// Shown in the status line (`scheduler running here · sms outbox`); "" when unknown.
    var services: String { servicesState?.text ?? "" }
    /// The signed-in account.
    @_spi(Tooling) public var account: Account?
    /// A note for the next screen shown (e.g. a booking's code on the home screen).
    var flash: String?
    /// The kiosk session's failed sign-ins, which slow its answers (`KioskSignInPolicy`).
    /// Over ssh the reset's rate limit follows the client's address (`SSH_CLIENT`), not the connection.
    var kioskSession = KioskSession(
        clientAddress: ProcessInfo.processInfo.environment["SSH_CLIENT"]?.split(separator: " ").first.map(String.init))
    /// Holds back the answer to a failed kiosk sign-in (tests inject one that only records).
    let sleeper: any Sleeper
    /// The last appointment's allowed actions, kept while nothing they depend on changed.
    private var policyMemo: PolicyMemo?

    /// The context a front end starts with (`clinic` builds it; tests add a services state and a sleeper).
    public convenience init(store: ClinicStore, mode: AppMode, demoSignIns: [DemoClinic.SignIn] = []) throws {
        try self.init(store: store, mode: mode, demoSignIns: demoSignIns, services: nil, sleeper: SystemSleeper())
    }

    init(
        store: ClinicStore, mode: AppMode, demoSignIns: [DemoClinic.SignIn] = [], services: ServicesState?,
        sleeper: any Sleeper = SystemSleeper()
    ) throws {
        let settings = try store.settings()
        self.store = store; self.mode = mode; self.demoSignIns = demoSignIns; self.sleeper = sleeper
        self.clinicName = settings.name; self.timeZone = settings.timeZone
        self.servicesState = services
    }

    /// Reads the clinic's name and time zone again (after a change by this or another process).
    func refreshSettings() {
        guard let settings = try? store.settings() else { return }
        clinicName = settings.name; timeZone = settings.timeZone
    }

    /// The signed-in account acting through this front end.
    var actor: Actor? {
        account.map { .account($0.id, $0.role, via: mode == .kiosk ? .kiosk : .tui) }
    }

    /// What the signed-in person may do to `appointment`, as the core's policy
    /// decides (nil: nobody is signed in, or the store could not say; the
    /// core still decides when a key is pressed). Asked again after a key, a
    /// change of data or a new second, or for another appointment; not on
    /// every repaint.
    func allowedActions(for appointment: Appointment) -> AllowedActions<AppointmentAction>? {
        guard let actor else { return nil }
        let key = PolicyMemo.Key(appointmentID: appointment.id, status: appointment.status, now: now, actor: actor)
        if let memo = policyMemo, memo.key == key { return memo.value }
        let value = try? store.allowedActions(for: appointment, actor: actor)
        policyMemo = value.map { PolicyMemo(key: key, value: $0) }
        return value
    }

    /// Forgets the allowed actions kept for the last appointment (a key was pressed, the data changed).
    func forgetAllowedActions() { policyMemo = nil }

    /// What the signed-in person may do to `account`, as the core's policy decides.
    func allowedActions(for account: Account) -> AllowedActions<AccountAction>? {
        actor.map { store.allowedActions(for: account, actor: $0) }
    }

    /// Unix seconds now, from the injected clock.
    var now: Int64 { Int64(store.clock.now().timeIntervalSince1970.rounded(.down)) }

    /// The clinic's local date today.
    var today: LocalDate { timeZone.local(now).date }
}

/// One appointment's allowed actions and what they were decided for.
private struct PolicyMemo {
    struct Key: Equatable {
        let appointmentID: Int64
        let status: AppointmentStatus
        let now: Int64
        let actor: Actor
    }
    let key: Key
    let value: AllowedActions<AppointmentAction>
}
