import Foundation
import ClinicCore
import GRDB

/// The baseline: single-row INSERT transactions (each its own BEGIN IMMEDIATE …
/// COMMIT, which is what `DatabasePool.write` issues) through GRDB with plain
/// SQL, in a fresh file with the clinic's durability (WAL, synchronous=NORMAL).
enum RawInsertBench {
    struct Result {
        let inserts: Int
        let seconds: Double
        let latencies: Percentiles
        /// CPU and bytes written per operation over the timed loop.
        let perOperation: [String: Any]
        let durability: [String: Any]
        var perSecond: Double { Double(inserts) / seconds }

        var json: [String: Any] {
            [
                "inserts": inserts, "seconds": rounded(seconds, 3), "per_s": rounded(perSecond, 0),
                "latency": latencies.json, "per_operation": perOperation, "durability": durability,
                "statement": "INSERT INTO sample (doctor_id, start_at, code, note) VALUES (?, ?, ?, ?)",
            ]
        }
    }

    static func run(path: String, inserts: Int, warmup: Int) throws -> Result {
        BenchFiles.removeDatabase(path)
        var config = Configuration()
        config.busyMode = .timeout(10)
        // The clinic's long-running settings: WAL, synchronous=NORMAL, checkpoints in the background.
        let checkpointer = WALCheckpointer(path: path)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            checkpointer.watch(db)
        }
        let pool = try DatabasePool(path: path, configuration: config)
        defer { try? pool.close() }
        let checkpoints = BackgroundCheckpoints(checkpointer)
        defer { withExtendedLifetime(checkpoints) {} }
        try pool.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE sample (
                        id INTEGER PRIMARY KEY,
                        doctor_id INTEGER NOT NULL,
                        start_at INTEGER NOT NULL,
                        code TEXT NOT NULL,
                        note TEXT NOT NULL)
                    """)
        }
        let durability = try BenchFiles.durability(pool)
        func insert(_ i: Int) throws {
            try pool.write { db in
                try db.cachedStatement(sql: "INSERT INTO sample (doctor_id, start_at, code, note) VALUES (?, ?, ?, ?)")
                    .execute(arguments: [i % 20, 1_780_000_000 + i * 300, "C\(i % 100_000)", "Check-up"])
            }
        }
        for i in 0..<warmup { try insert(i) }
        var latencies: [UInt64] = []
        latencies.reserveCapacity(inserts)
        let counters = ProcessCounters.now()
        let start = Stopwatch.now()
        for i in warmup..<(warmup + inserts) {
            let t0 = Stopwatch.now()
            try insert(i)
            latencies.append(Stopwatch.now() &- t0)
        }
        let seconds = Stopwatch.seconds(since: start)
        let perOperation = ProcessCounters.now().perOperation(since: counters, operations: inserts)
        let count = try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sample") ?? 0 }
        guard count == warmup + inserts else { throw BenchError("raw: expected \(warmup + inserts) rows, found \(count)") }
        return Result(inserts: inserts, seconds: seconds, latencies: Percentiles(nanoseconds: latencies), perOperation: perOperation, durability: durability)
    }
}
