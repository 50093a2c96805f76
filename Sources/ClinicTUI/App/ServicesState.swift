/// Who runs the scheduler, as the status line tells it.
enum SchedulerState: Sendable, Equatable {
    /// This process holds the lease and runs reminders, no-shows and sends.
    case runningHere
    /// Another process (a `clinic serve`, another terminal) holds an unexpired lease.
    case runningElsewhere
    /// Nobody holds the lease: reminders are not being sent.
    case off
}

/// The in-process webhook listener (`clinic demo`), when one was asked for.
public enum ListenerState: Sendable, Equatable {
    /// Bound and serving on `host:port`.
    case listening(String)
    /// Could not bind `address` (another program has the port); the TUI runs without it.
    case unavailable(String)
}

/// The background services' state shown in the staff status line, from real
/// state (the lease row, the in-process scheduler's last tick, the gateway in use).
struct ServicesState: Sendable, Equatable {
    var scheduler: SchedulerState
    /// The SMS gateway's name (`outbox`, `twilio`).
    var gateway: String
    /// nil when this process was not asked to listen.
    var listener: ListenerState?

    init(scheduler: SchedulerState, gateway: String, listener: ListenerState? = nil) {
        self.scheduler = scheduler; self.gateway = gateway; self.listener = listener
    }

    /// `scheduler running here · sms outbox · webhook 127.0.0.1:8080`.
    var text: String {
        let scheduler: String
        switch self.scheduler {
        case .runningHere: scheduler = "scheduler running here"
        case .runningElsewhere: scheduler = "scheduler running elsewhere"
        case .off: scheduler = "scheduler off"
        }
        var parts = [scheduler, "sms \(gateway)"]
        switch listener {
        case .listening(let address)?: parts.append("webhook \(address)")
        case .unavailable(let address)?: parts.append("webhook off: \(address) in use")
        case nil: break
        }
        return parts.joined(separator: " · ")
    }

    /// The same, for a narrow terminal: `sched here · outbox · :8080`.
    var short: String {
        let scheduler: String
        switch self.scheduler {
        case .runningHere: scheduler = "sched here"
        case .runningElsewhere: scheduler = "sched elsewhere"
        case .off: scheduler = "sched off"
        }
        var parts = [scheduler, gateway]
        switch listener {
        case .listening(let address)?: parts.append(":" + (address.split(separator: ":").last.map(String.init) ?? address))
        case .unavailable?: parts.append("no webhook")
        case nil: break
        }
        return parts.joined(separator: " · ")
    }
}
