import ClinicCore
import ClinicTesting
import Foundation
import Logging
import ServiceLifecycle
import Testing

/// The services `ClinicServices.build` makes for each kind of process, run by
/// the group it makes, as `serve`, `demo` and the terminals run them.
@Suite("ClinicServices: one ServiceGroup, graceful shutdown, the lease given back")
struct ClinicServicesTests {
    static let logger: Logger = {
        var logger = Logger(label: "clinic.services.test")
        logger.logLevel = .critical
        return logger
    }()

    /// A configuration for `clinic`'s database: the outbox gateway, fast ticks, `listen`.
    func config(_ clinic: TestClinic, listen: String = "127.0.0.1:0") -> ClinicConfig {
        var config = ClinicConfig()
        config.databasePath = clinic.databasePath
        config.smsGateway = .outbox
        config.schedulerTickSeconds = 0.05
        config.listen = listen
        return config
    }

    /// Builds `plan`'s services and starts their group in a task.
    func start(_ clinic: TestClinic, _ plan: ClinicServices.Plan, listen: String = "127.0.0.1:0")
        throws -> (services: ClinicServices, group: ServiceGroup, running: Task<Void, any Error>)
    {
        let services = try ClinicServices.build(config: config(clinic, listen: listen), store: clinic.store, logger: Self.logger, plan: plan)
        let group = services.group(gracefulShutdownSignals: [], logger: Self.logger)
        return (services, group, Task { try await group.run() })
    }

    @Test("The staff plan's scheduler leads while the group runs; graceful shutdown ends it and releases the lease")
    func schedulerStopsOnGracefulShutdown() async throws {
        let clinic = try TestClinic()
        let (services, group, running) = try start(clinic, .staff)
        #expect(services.listener == nil)
        let scheduler = try #require(services.scheduler)
        // The whole run shares two cooperative threads with blocking process tests: a starved service
        // first runs when they let go, so the bound is generous (a pass takes milliseconds).
        #expect(try await Eventually.until(timeout: 120, interval: 0.01) { scheduler.isLeading == true })
        let holder = try #require(try clinic.store.schedulerLease()?.holder)
        #expect(holder == scheduler.scheduler.holder)

        await group.triggerGracefulShutdown()
        try await running.value

        #expect(try clinic.store.schedulerLease() == nil)
        #expect(scheduler.isLeading == nil)
    }

    @Test("A listener reports its bound address, serves, and is stopped after graceful shutdown")
    func listenerBindsAndStops() async throws {
        let clinic = try TestClinic()
        let (services, group, running) = try start(clinic, .init(scheduler: false, listener: .required))
        let listener = try #require(services.listener)
        let address = try await listener.bound()
        #expect(address.host == "127.0.0.1" && address.port > 0)
        #expect(listener.status == .listening(address))
        #expect(await HTTPProbe.send(port: address.port, HTTPProbe.request("GET", "/healthz")).status == 200)

        await group.triggerGracefulShutdown()
        try await running.value

        #expect(listener.status == .stopped)
        await #expect(throws: ClinicError.self) { try await listener.bound() }
        #expect(await HTTPProbe.send(port: address.port, HTTPProbe.request("GET", "/healthz"), timeout: 2).status == 0)
    }

    @Test("serve's plan on a taken port: the group fails with 'cannot listen on', and the scheduler never takes the lease")
    func requiredListenerOnATakenPortFailsTheGroupBeforeTheFirstTick() async throws {
        let clinic = try TestClinic()
        let (first, firstGroup, firstRunning) = try start(clinic, .init(scheduler: false, listener: .required))
        let port = try await #require(first.listener).bound().port

        let (services, _, running) = try start(clinic, .serve, listen: "127.0.0.1:\(port)")
        let error = await #expect(throws: ClinicError.self) { try await running.value }
        #expect(error?.message.contains("cannot listen on 127.0.0.1:\(port)") == true, "\(String(describing: error))")
        let listener = try #require(services.listener)
        guard case .failed = listener.status else { Issue.record("status \(listener.status)"); return }
        await #expect(throws: ClinicError.self) { try await listener.bound() }
        #expect(services.scheduler?.isLeading == nil)
        #expect(try clinic.store.schedulerLease() == nil)

        await firstGroup.triggerGracefulShutdown()
        try await firstRunning.value
    }

    @Test("demo's plan on a taken port: the listener fails alone; the scheduler runs on and stops cleanly")
    func optionalListenerOnATakenPortLeavesTheRestRunning() async throws {
        let clinic = try TestClinic()
        let (first, firstGroup, firstRunning) = try start(clinic, .init(scheduler: false, listener: .required))
        let port = try await #require(first.listener).bound().port

        let (services, group, running) = try start(clinic, .demo, listen: "127.0.0.1:\(port)")
        let listener = try #require(services.listener)
        await #expect(throws: ClinicError.self) { try await listener.bound() }
        let scheduler = try #require(services.scheduler)
        #expect(try await Eventually.until(timeout: 120, interval: 0.01) { scheduler.isLeading == true })

        await group.triggerGracefulShutdown()
        try await running.value
        #expect(try clinic.store.schedulerLease() == nil)

        await firstGroup.triggerGracefulShutdown()
        try await firstRunning.value
    }
}
