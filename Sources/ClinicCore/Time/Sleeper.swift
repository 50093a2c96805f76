/// Waits a while on the calling thread: the kiosk holds back the answer to a
/// failed sign-in with it. Production gets `SystemSleeper`; tests inject one
/// that records the waits instead of sleeping.
public protocol Sleeper: Sendable {
    /// Blocks for `seconds` (none when 0 or less).
    func sleep(seconds: Double)
}
