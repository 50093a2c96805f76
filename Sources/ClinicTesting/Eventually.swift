import ClinicCore
import Foundation

/// Waiting on real time in process-level tests (other processes run on the
/// real clock): poll a condition until it holds or a deadline passes.
public enum Eventually {
    /// Polls `condition` every `interval` seconds for at most `timeout`; true once it holds.
    @discardableResult
    public static func wait(timeout: Double = 30, interval: Double = 0.1, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = SystemClock().now().addingTimeInterval(timeout)
        let pause = NSCondition()
        while true {
            if try condition() { return true }
            if SystemClock().now() >= deadline { return false }
            pause.withLock { _ = SystemClock.wait(on: pause, seconds: interval) }
        }
    }

    /// The same from async code: waits without holding a thread of the cooperative pool.
    @discardableResult
    public static func until(timeout: Double = 30, interval: Double = 0.1, _ condition: () throws -> Bool) async throws -> Bool {
        let deadline = SystemClock().now().addingTimeInterval(timeout)
        while true {
            if try condition() { return true }
            if SystemClock().now() >= deadline { return false }
            try await SystemClock.sleep(seconds: interval)
        }
    }

    /// Lets `seconds` of real time pass.
    public static func pause(_ seconds: Double) {
        let pause = NSCondition()
        pause.withLock { _ = SystemClock.wait(on: pause, seconds: seconds) }
    }
}
