import Foundation

/// The only place in the core that reads the machine's clock.
///
/// `CLINIC_NOW` (ISO 8601, e.g. `2026-03-08T09:00:00Z`) pins the clock for
/// scripted what-if runs and for the CLI tests; without it this is the real
/// wall clock.
public struct SystemClock: ClinicClock {
    public init() {}

    public func now() -> Date { Date() }

    /// The clock the program should use given its environment.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> any ClinicClock {
        guard let text = env["CLINIC_NOW"], !text.isEmpty else { return SystemClock() }
        guard let date = ISO8601Parsing.parse(text) else {
            throw ClinicError(.invalidInput, "CLINIC_NOW is not an ISO 8601 instant: \(text)")
        }
        return ManualClock(date)
    }

    /// Sleeps on the real clock (the scheduler's pacing; never used by rules).
    public static func sleep(seconds: Double) async throws {
        try await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
    }

    /// Blocks the calling thread on the real clock (test helpers' polling; never used by rules).
    public static func pause(seconds: Double) {
        Thread.sleep(forTimeInterval: max(0, seconds))
    }
}
