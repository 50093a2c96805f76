import Foundation
import Synchronization

/// A token bucket per client address for the sign-in routes: `burst`
/// attempts at once, refilled at `perMinute`. Addresses idle long enough
/// to be full again are forgotten, so the table stays small.
final class RateLimiter: Sendable {
    let perMinute: Double
    let burst: Double
    private let buckets = Mutex<[String: (tokens: Double, at: Double)]>([:])

    init(perMinute: Int = 10, burst: Int = 10) { self.perMinute = Double(perMinute); self.burst = Double(burst) }

    /// Takes one token for `address` at `now` (seconds); false when none is left.
    func allow(_ address: String, now: Double) -> Bool {
        buckets.withLock { buckets in
            if buckets.count > 10_000 { buckets = buckets.filter { now - $0.value.at < 60 * burst / perMinute } }
            var bucket = buckets[address] ?? (burst, now)
            bucket.tokens = min(burst, bucket.tokens + (now - bucket.at) * perMinute / 60)
            bucket.at = now
            guard bucket.tokens >= 1 else {
                buckets[address] = bucket
                return false
            }
            bucket.tokens -= 1
            buckets[address] = bucket
            return true
        }
    }
}
