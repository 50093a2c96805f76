import ClinicCore
import Foundation

/// A primary and a synchronous streaming standby on loopback ports, for the
/// failover test: initdb (as `nobody` when running as root), a base backup with
/// `pg_basebackup -R`, `synchronous_standby_names = '*'` so a commit is answered
/// only once the standby has it. `killPrimary()` is a `kill -9` of the primary's
/// postmaster; `promoteStandby()` is `pg_ctl promote`.
public final class PostgresStandbyPair: @unchecked Sendable {
    public let primaryPort: Int
    public let standbyPort: Int
    private let folder: String
    private let binaries: String
    private let asNobody: Bool

    public init() throws {
        binaries = try PostgresBinaries.folder()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinic-pg-pair-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        asNobody = getuid() == 0
        if asNobody { chown(folder, 65534, 65534) }
        primaryPort = try PostgresBinaries.freeLoopbackPort()
        standbyPort = try PostgresBinaries.freeLoopbackPort()
        try PostgresBinaries.initdb(binaries, data: folder + "/primary", asNobody: asNobody, log: folder + "/tools.log")
        try start(
            "primary",
            port: primaryPort,
            extra: "-c wal_level=replica -c max_wal_senders=4 -c synchronous_standby_names='*' -c synchronous_commit=on")
        try run(
            "pg_basebackup",
            ["-D", folder + "/standby", "-h", "127.0.0.1", "-p", String(primaryPort), "-U", "clinic", "-R", "-X", "stream", "-c", "fast"])
        try start("standby", port: standbyPort, extra: "-c hot_standby=on")
        // Wait until the standby streams synchronously: commits on the primary wait for it from now on
        let primary = try PostgresConnection(url(host: primaryPort, database: "postgres"))
        for _ in 0..<300 {
            if try primary.scalar("SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync'") == .int(1) { return }
            SystemClock.pause(seconds: 0.1)
        }
        throw PostgresClusterError("the standby did not start streaming synchronously")
    }

    deinit {
        for node in ["standby", "primary"] {
            _ = try? run("pg_ctl", ["-D", folder + "/" + node, "-m", "immediate", "-w", "stop"])
        }
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// A URL naming both servers: libpq keeps whichever accepts writes.
    public func url(database: String) -> String {
        "postgresql://clinic@127.0.0.1:\(primaryPort),127.0.0.1:\(standbyPort)/\(database)?target_session_attrs=read-write&connect_timeout=2"
    }

    /// A URL to one server.
    public func url(host port: Int, database: String) -> String { "postgresql://clinic@127.0.0.1:\(port)/\(database)" }

    /// `kill -9` of the primary's postmaster (its backends die with it).
    public func killPrimary() throws {
        let pidFile = try String(contentsOfFile: folder + "/primary/postmaster.pid", encoding: .utf8)
        guard let pid = pidFile.split(separator: "\n").first.flatMap({ Int32($0) }) else {
            throw PostgresClusterError("no primary pid in postmaster.pid")
        }
        kill(pid, SIGKILL)
    }

    /// Makes the standby the primary and waits until it accepts writes.
    public func promoteStandby() throws {
        try run("pg_ctl", ["-D", folder + "/standby", "-w", "promote"])
    }

    private func start(_ node: String, port: Int, extra: String) throws {
        try PostgresBinaries.start(
            binaries, data: folder + "/" + node, port: port, socketFolder: folder, settings: "-c max_connections=100 \(extra)",
            serverLog: folder + "/\(node).log", asNobody: asNobody, log: folder + "/tools.log")
    }

    private func run(_ tool: String, _ arguments: [String]) throws {
        try PostgresBinaries.run(binaries + "/" + tool, arguments, asNobody: asNobody, log: folder + "/tools.log")
    }
}
