import Foundation

/// The server's own tools (`initdb`, `pg_ctl`), found on this machine.
public enum PostgresBinaries {
    /// `CLINIC_PG_BIN`, else the newest `/usr/lib/postgresql/<version>/bin` holding `initdb`
    /// (Debian's layout), else the folder of an `initdb` on `PATH`.
    public static func folder() throws -> String {
        let env = ProcessInfo.processInfo.environment
        if let bin = env["CLINIC_PG_BIN"], !bin.isEmpty { return bin }
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        if let newest = versions.compactMap(Int.init).sorted().last(where: {
            FileManager.default.isExecutableFile(atPath: "\(root)/\($0)/bin/initdb")
        }) {
            return "\(root)/\(newest)/bin"
        }
        for dir in (env["PATH"] ?? "").split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/initdb") {
            return String(dir)
        }
        throw PostgresClusterError("no PostgreSQL server binaries (initdb): install postgresql (scripts/install-deps)")
    }

    /// Runs a server tool and waits; as `nobody` through `runuser` when asked. Its output goes
    /// to `log` and a failure quotes it. Spawned and reaped here (`posix_spawn`, `waitpid`): the
    /// server it starts keeps running, and no Foundation machinery waits on its pipes.
    static func run(_ tool: String, _ arguments: [String], asNobody: Bool, log: String) throws {
        let (executable, args) = asNobody ? ("/usr/sbin/runuser", ["-u", "nobody", "--", tool] + arguments) : (tool, arguments)
        let env = ["PATH=/usr/sbin:/usr/bin:/sbin:/bin", "LANG=C", "LC_ALL=C"]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable] + args).map { strdup($0) } + [nil]
        let envp = env.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else { throw PostgresClusterError("could not start \(executable): error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exited = status & 0x7f == 0, code = (status >> 8) & 0xff
        guard exited && code == 0 else {
            let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw PostgresClusterError("\(tool) \(arguments.joined(separator: " ")) failed (status \(status)): \(output.suffix(2000))")
        }
    }

    /// A new cluster at `data` (trust, owner `clinic`, UTF-8, no locale: text compares by code point).
    static func initdb(_ binaries: String, data: String, asNobody: Bool, log: String) throws {
        try run(binaries + "/initdb", ["-D", data, "-A", "trust", "-U", "clinic", "-E", "UTF8", "--no-locale", "-N"], asNobody: asNobody, log: log)
    }

    /// Starts the cluster at `data` on a loopback `port`, its socket in `socketFolder`, with `settings` (`-c name=value …`).
    static func start(
        _ binaries: String, data: String, port: Int, socketFolder: String, settings: String, serverLog: String, asNobody: Bool, log: String
    ) throws {
        try run(
            binaries + "/pg_ctl",
            [
                "-D", data, "-l", serverLog, "-w", "-t", "60", "-o",
                "-p \(port) -k \(socketFolder) -c listen_addresses=127.0.0.1 \(settings)", "start",
            ], asNobody: asNobody, log: log)
    }

    /// A loopback TCP port nothing listens on right now.
    public static func freeLoopbackPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw PostgresClusterError("socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw PostgresClusterError("could not find a free loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// A test server that could not be set up: the test fails with the reason.
public struct PostgresClusterError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
