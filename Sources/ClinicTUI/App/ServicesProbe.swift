import ClinicCore

/// Reads the background services' real state for the status line: the
/// in-process scheduler's last tick when there is one, else the lease row.
public final class ServicesProbe {
    let store: ClinicStore
    let leading: () -> Bool?
    let gateway: String
    let listener: () -> ListenerState?

    /// `leading` is the in-process scheduler's last answer (`SchedulerService.isLeading`),
    /// or nil when this process runs none (`scheduler = "external"`); `listener`
    /// is the in-process listener's state, nil when none was asked for.
    public init(
        store: ClinicStore, gateway: String, listener: @escaping () -> ListenerState? = { nil },
        leading: @escaping () -> Bool? = { nil }
    ) {
        self.store = store; self.gateway = gateway; self.listener = listener; self.leading = leading
    }

    /// The state now (one small read of the lease row unless this process leads).
    func state() -> ServicesState {
        let here = leading()
        let lease = here == true ? nil : (try? store.schedulerLease()) ?? nil
        let now = Int64(store.clock.now().timeIntervalSince1970.rounded(.down))
        return ServicesState(scheduler: Self.scheduler(leading: here, lease: lease, now: now), gateway: gateway, listener: listener())
    }

    /// Here when this process's last tick led; elsewhere when someone holds an
    /// unexpired lease; off otherwise.
    static func scheduler(leading: Bool?, lease: SchedulerLease?, now: Int64) -> SchedulerState {
        if leading == true { return .runningHere }
        guard let lease, lease.expiresAt > now else { return .off }
        return .runningElsewhere
    }
}
