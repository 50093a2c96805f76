import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// `clinic serve` runs its services in one ServiceGroup that shuts down
/// gracefully on SIGTERM and SIGINT: the scheduler gives its lease back, the
/// listener closes its port, and the process exits 0.
@Suite(.serialized) struct ServeSignalTests {
    @Test("SIGTERM or SIGINT ends serve cleanly: exit 0, lease released, port closed", arguments: [SIGTERM, SIGINT])
    func signalEndsServeCleanly(signal: Int32) async throws {
        // Given serve running the scheduler and the listener
        let f = try ServeFixture(appointments: 1)
        let port = HTTPProbe.freePort()
        var env = f.environment()
        env["CLINIC_LISTEN"] = "127.0.0.1:\(port)"
        let serve = try ClinicBinary.start(["serve"], environment: env)
        #expect(try await HTTPProbe.waitUntilHealthy(port: port))
        #expect(try await Eventually.until(timeout: 30) { try f.store.schedulerLease() != nil })

        // When it gets the signal
        signalProcess(serve, signal)
        let stopped = serve.wait()

        // Then it stopped cleanly, gave the lease back and no longer listens
        #expect(stopped.exitCode == 0, "stderr: \(stopped.stderr)")
        #expect(stopped.stderr.contains("scheduler stopped") && stopped.stderr.contains("stopped cleanly"), "\(stopped.stderr)")
        #expect(try f.store.schedulerLease() == nil)
        #expect(await HTTPProbe.send(port: port, HTTPProbe.request("GET", "/healthz"), timeout: 2).status == 0)
    }
}
