import Dispatch
import Glibc

/// Monotonic time for the benchmarks (the core never reads real time; benchmarks may).
enum Stopwatch {
    /// Now, in nanoseconds of uptime.
    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// Seconds elapsed since `start` (from `now()`).
    static func seconds(since start: UInt64) -> Double { Double(now() &- start) / 1_000_000_000 }

    /// CPU time this thread has used, in nanoseconds: the work itself, without
    /// the time other processes had the core (a loaded 2-core machine).
    static func threadCPU() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }
}

/// A seeded, reproducible generator (SplitMix64): the same seed gives the same database and order.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// A double in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
