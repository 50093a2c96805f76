/// Summary of a set of latencies (nanoseconds in, microseconds out), by the nearest-rank method.
struct Percentiles {
    let count: Int
    let p50: Double
    let p90: Double
    let p99: Double
    let max: Double
    let mean: Double
    /// Operations slower than 1 ms (a commit that ran a WAL checkpoint and waited
    /// on fsync, another process's disk flush…) and their share of the total time.
    let overOneMillisecond: Int
    let shareOverOneMillisecond: Double

    /// Summarises `nanoseconds`; all zero when empty.
    init(nanoseconds: [UInt64]) {
        let sorted = nanoseconds.sorted()
        count = sorted.count
        func rank(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let index = Swift.max(0, Swift.min(sorted.count - 1, Int((p * Double(sorted.count)).rounded(.up)) - 1))
            return Double(sorted[index]) / 1_000
        }
        p50 = rank(0.50); p90 = rank(0.90); p99 = rank(0.99)
        max = Double(sorted.last ?? 0) / 1_000
        let total = sorted.reduce(0, +)
        mean = sorted.isEmpty ? 0 : Double(total) / Double(sorted.count) / 1_000
        let slow = sorted.filter { $0 > 1_000_000 }
        overOneMillisecond = slow.count
        shareOverOneMillisecond = total == 0 ? 0 : Double(slow.reduce(0, +)) / Double(total)
    }

    /// The figures as JSON fields, in microseconds.
    var json: [String: Any] {
        [
            "count": count, "p50_us": rounded(p50, 1), "p90_us": rounded(p90, 1), "p99_us": rounded(p99, 1),
            "max_us": rounded(max, 1), "mean_us": rounded(mean, 1),
            "ops_over_1ms": overOneMillisecond, "time_share_over_1ms": rounded(shareOverOneMillisecond, 3),
        ]
    }
}

/// `value` rounded to `places` decimals, for readable JSON.
func rounded(_ value: Double, _ places: Int) -> Double {
    guard value.isFinite else { return 0 }
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    return (value * scale).rounded() / scale
}
