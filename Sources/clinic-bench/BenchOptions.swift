import Foundation

/// What `clinic-bench` was asked to do, from plain `CommandLine` parsing.
struct BenchOptions {
    /// The whole benchmark, or one contention worker (hidden, spawned by the benchmark itself).
    enum Mode {
        case benchmark
        case worker(planPath: String, index: Int)
        case help
    }

    var mode: Mode = .benchmark
    /// Small sizes: the whole run takes seconds (a smoke test).
    var quick = false
    /// Where the database files go; the large slots database is kept there between runs.
    var dbDir = FileManager.default.temporaryDirectory.appendingPathComponent("clinic-bench").path
    /// The benchmarks to run (all by default; a subset is for profiling one of them).
    var only: Set<String> = BenchOptions.benchmarks
    /// `postgres`: the PostgreSQL figures against `postgresURL` instead of SQLite's.
    var engine = "sqlite"
    var postgresURL = ProcessInfo.processInfo.environment["CLINIC_BENCH_POSTGRES_URL"] ?? ""

    static let benchmarks: Set<String> = ["raw", "booking", "contention", "slots", "daysheet", "seed", "scheduler", "tui", "staff", "auth", "waitlist"]

    static let usage = """
        usage: clinic-bench [--quick] [--db-dir DIR] [--only LIST] [--engine sqlite|postgres [--postgres-url URL]]

        Prints one JSON object with the benchmark figures to stdout; progress goes to stderr.
          --quick        small sizes, a few seconds in all (smoke test)
          --db-dir DIR   folder for the database files (default: $TMPDIR/clinic-bench);
                         the large slots database built there is reused by later runs
          --only LIST    run only some of raw,booking,contention,slots,daysheet,seed,scheduler,tui,staff,auth,waitlist
          --engine postgres
                         PostgreSQL's figures (raw = pgbench single-row inserts, booking, slots, seed) on the
                         server --postgres-url (or CLINIC_BENCH_POSTGRES_URL) names, as a role that may create databases
        """

    /// Parses the arguments after the program name.
    static func parse(_ arguments: [String]) throws -> BenchOptions {
        var options = BenchOptions()
        var rest = arguments[...]
        while let arg = rest.popFirst() {
            switch arg {
            case "--quick":
                options.quick = true
            case "--db-dir":
                guard let dir = rest.popFirst(), !dir.isEmpty else { throw BenchError("--db-dir needs a folder") }
                options.dbDir = dir
            case "--only":
                let names = Set((rest.popFirst() ?? "").split(separator: ",").map(String.init))
                guard !names.isEmpty, names.isSubset(of: benchmarks) else {
                    throw BenchError("--only takes a comma-separated list of \(benchmarks.sorted().joined(separator: ","))")
                }
                options.only = names
            case "--engine":
                guard let engine = rest.popFirst(), ["sqlite", "postgres"].contains(engine) else {
                    throw BenchError("--engine takes sqlite or postgres")
                }
                options.engine = engine
            case "--postgres-url":
                options.postgresURL = rest.popFirst() ?? ""
            case "--worker":
                guard let plan = rest.popFirst(), let index = rest.popFirst().flatMap({ Int($0) }) else {
                    throw BenchError("--worker needs a plan file and a worker index")
                }
                options.mode = .worker(planPath: plan, index: index)
            case "-h", "--help":
                options.mode = .help
            default:
                throw BenchError("unknown argument '\(arg)'\n\(usage)")
            }
        }
        return options
    }
}

/// A benchmark failure with a message for stderr.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Writes a progress line to stderr (stdout carries only the JSON report).
func progress(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
