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
    ///
    /// `CLINIC_CLOCK_OFFSET` (seconds, may be negative or fractional) shifts a
    /// clock that keeps running at real speed: processes started with the same
    /// offset agree on the time, which `clinic serve` needs (its scheduler must
    /// see time pass; a pinned clock would never let a lease expire). The
    /// process tests use it to run `serve` "on" a chosen day.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> any ClinicClock {
        if let text = env["CLINIC_NOW"], !text.isEmpty {
            guard let date = ISO8601Parsing.parse(text) else {
                throw ClinicError(.invalidInput, "CLINIC_NOW is not an ISO 8601 instant: \(text)")
            }
            return ManualClock(date)
        }
        if let text = env["CLINIC_CLOCK_OFFSET"], !text.isEmpty {
            guard let offset = Double(text), offset.isFinite else {
                throw ClinicError(.invalidInput, "CLINIC_CLOCK_OFFSET is not a number of seconds: \(text)")
            }
            return OffsetClock(offset: offset)
        }
        return SystemClock()
    }

    /// Waits on `condition` (locked by the caller) until signalled or `seconds`
    /// of real time pass; true when signalled. The scheduler's pacing.
    public static func wait(on condition: NSCondition, seconds: Double) -> Bool {
        condition.wait(until: Date().addingTimeInterval(max(0, seconds)))
    }

    /// Blocks the calling thread on the real clock (background pacing, test helpers' polling; never used by rules).
    public static func pause(seconds: Double) {
        Thread.sleep(forTimeInterval: max(0, seconds))
    }

    /// Sleeps on the real clock (the scheduler's pacing; never used by rules).
    public static func sleep(seconds: Double) async throws {
        try await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
    }
}

/// Sleeps on the real clock (the kiosk's delay after a failed sign-in).
public struct SystemSleeper: Sleeper {
    public init() {}

    public func sleep(seconds: Double) {
        guard seconds > 0 else { return }
        SystemClock.pause(seconds: seconds)
    }
}

/// The real clock shifted by a fixed offset: runs at real speed (see `CLINIC_CLOCK_OFFSET`).
public struct OffsetClock: ClinicClock {
    /// Seconds added to the real time.
    public let offset: Double

    public init(offset: Double) { self.offset = offset }

    public func now() -> Date { Date().addingTimeInterval(offset) }
}
