import Logging
import ServiceLifecycle
import UnixSignals

/// The long-running services of a `clinic` process — the WAL checkpointer,
/// the scheduler, the webhook listener — built from its configuration by one
/// function for `serve`, `demo`, the terminals and the tests, and run by one
/// `ServiceGroup` that shuts them down gracefully on the process's signals,
/// as Hummingbird's own `Application` does.
public struct ClinicServices: Sendable {
    /// What a process runs besides the checkpointer (which every
    /// long-running store has).
    public struct Plan: Sendable, Equatable {
        /// Whether a listener runs, and what its failure to bind does.
        public enum Listener: Sendable, Equatable {
            /// No listener.
            case none
            /// A taken port ends the process with the error (`serve`).
            case required
            /// A taken port is logged; the rest runs on without a listener (`demo`).
            case optional
        }

        /// Whether the scheduler runs here under the lease.
        public var scheduler: Bool
        /// Whether a webhook listener runs here, and what its failure does.
        public var listener: Listener

        public init(scheduler: Bool, listener: Listener = .none) {
            self.scheduler = scheduler; self.listener = listener
        }

        /// `clinic serve`: the scheduler and a listener that must bind.
        public static let serve = Plan(scheduler: true, listener: .required)
        /// The staff terminal: the scheduler under the lease.
        public static let staff = Plan(scheduler: true)
        /// `clinic demo`: the scheduler, and the listener when its port is free.
        public static let demo = Plan(scheduler: true, listener: .optional)
        /// The kiosk, or the staff terminal with `scheduler = "external"`: neither.
        public static let none = Plan(scheduler: false)
    }

    /// The store's background checkpointer (nil unless the store is long-running).
    public let checkpointer: WALCheckpointer?
    /// The scheduler under the lease, when the plan runs one.
    public let scheduler: SchedulerService?
    /// The webhook listener on `config.listen`, when the plan runs one.
    public let listener: WebhookListener?
    /// What was asked for.
    public let plan: Plan

    /// The services `plan` asks for over `store`: gateway, policy and
    /// address from `config`. A required listener binds before the first tick.
    public static func build(config: ClinicConfig, store: ClinicStore, logger: Logger, plan: Plan) throws -> ClinicServices {
        var listener: WebhookListener?
        if plan.listener != .none {
            listener = WebhookListener(
                store: store, options: try WebhookOptions(config: config, store: store), api: config.api, logger: logger)
        }
        var scheduler: SchedulerService?
        if plan.scheduler {
            let ticks = Scheduler(
                store: store, gateway: try SMSGatewayFactory.make(config),
                policy: SchedulerPolicy(config), logger: logger)
            var gate: (@Sendable () async throws -> Void)?
            if plan.listener == .required, let listener {
                gate = { _ = try await listener.bound() }
            }
            scheduler = SchedulerService(scheduler: ticks, startsAfter: gate)
        }
        return ClinicServices(checkpointer: store.checkpointer, scheduler: scheduler, listener: listener, plan: plan)
    }

    /// One group over every service, then `last` (a front end). Services
    /// start together and stop in reverse order on graceful shutdown: `last`
    /// first, then the scheduler (its tick ends, the lease is given back)
    /// while the listener still answers, then the listener, then the checkpointer.
    public func group(
        then last: [ServiceGroupConfiguration.ServiceConfiguration] = [],
        gracefulShutdownSignals signals: [UnixSignal], logger: Logger
    ) -> ServiceGroup {
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        if let checkpointer { services.append(.init(service: checkpointer, serviceName: "checkpointer")) }
        if let listener {
            services.append(
                .init(
                    service: listener, failureTerminationBehavior: plan.listener == .optional ? .ignore : .cancelGroup,
                    serviceName: "listener"))
        }
        if let scheduler { services.append(.init(service: scheduler, serviceName: "scheduler")) }
        return ServiceGroup(configuration: .init(services: services + last, gracefulShutdownSignals: signals, logger: logger))
    }
}
