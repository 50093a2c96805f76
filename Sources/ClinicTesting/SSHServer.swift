import ClinicCore
import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// A private sshd on a loopback port for tests: its own host key, one
/// authorized user key, no PAM, and a `ForceCommand` for the current user,
/// as the README's kiosk deployment has it. `stop()` (or deinit) kills it.
public final class SSHServer: @unchecked Sendable {
    /// Where Debian's openssh-server puts the daemon (it must be started by absolute path).
    public static let daemonPath = "/usr/sbin/sshd"

    public let directory: TemporaryDirectory
    public let port: Int
    /// The user the client signs in as (whoever runs the tests; root in CI).
    public let user: String
    /// The client's private key.
    public var userKey: String { directory.path("user_key") }
    private var pid: pid_t = 0

    /// Writes keys and `sshd_config`, starts `sshd -D -e`, and waits until it listens.
    /// `environment` is set for the forced command with `SetEnv`.
    public init(forceCommand: String, environment: [String: String] = [:], timeout: Double = 15) throws {
        directory = try TemporaryDirectory(prefix: "clinic-sshd")
        port = HTTPProbe.freePort()
        user = String(cString: getpwuid(geteuid()).pointee.pw_name)
        for key in ["host_key", "user_key"] {
            let r = try RunningProcess(
                "/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", directory.path(key)],
                environment: ["PATH": "/usr/bin:/bin"]
            ).wait()
            guard r.exitCode == 0 else { throw SSHServerError("ssh-keygen failed: \(r.stderr)") }
        }
        try FileManager.default.copyItem(atPath: directory.path("user_key.pub"), toPath: directory.path("authorized_keys"))
        try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        let setEnv = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let config = """
            ListenAddress 127.0.0.1
            Port \(port)
            HostKey \(directory.path("host_key"))
            PidFile \(directory.path("sshd.pid"))
            AuthorizedKeysFile \(directory.path("authorized_keys"))
            StrictModes no
            UsePAM no
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PubkeyAuthentication yes
            PermitRootLogin prohibit-password
            Match User \(user)
                \(setEnv.isEmpty ? "" : "SetEnv \(setEnv)")
                ForceCommand \(forceCommand)

            """
        try config.write(toFile: directory.path("sshd_config"), atomically: true, encoding: .utf8)
        pid = try Self.spawn([Self.daemonPath, "-D", "-e", "-f", directory.path("sshd_config")], log: directory.path("sshd.log"))
        let listening = Eventually.wait(timeout: timeout, interval: 0.05) { self.log.contains("Server listening") }
        guard listening else { stop(); throw SSHServerError("sshd did not start:\n\(self.log)") }
    }

    /// posix_spawn with no pipes (stdin /dev/null, output to `log`) and the default
    /// signal mask and handlers: test runner threads block signals, and a pipe
    /// inherited by other children would keep readers waiting.
    static func spawn(_ argv: [String], log: String) throws -> pid_t {
        guard
            let pid = CleanSpawn.start(
                argv, environment: ["PATH=/usr/sbin:/usr/bin:/bin"], stdout: log, append: true,
                stderr: nil, searchPath: false)
        else {
            throw SSHServerError("cannot start \(argv[0]): install openssh-server (scripts/install-deps)")
        }
        return pid
    }

    /// sshd's own log (stderr).
    public var log: String { (try? String(contentsOfFile: directory.path("sshd.log"), encoding: .utf8)) ?? "" }

    /// The client's argv: a pseudo-terminal (`-tt`), the test key, no host key checks.
    public func clientCommand(_ remoteCommand: String? = nil) -> [String] {
        [
            "/usr/bin/ssh", "-tt", "-i", userKey, "-p", "\(port)", "-o", "StrictHostKeyChecking=no",
            "-o", "UserKnownHostsFile=/dev/null", "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
            "-o", "LogLevel=ERROR", "\(user)@127.0.0.1",
        ] + (remoteCommand.map { [$0] } ?? [])
    }

    /// Stops the daemon (SIGTERM, then SIGKILL after 3 s) and reaps it.
    public func stop() {
        guard pid > 0 else { return }
        let target = pid
        pid = 0
        kill(target, SIGTERM)
        var status: Int32 = 0
        let ended = Eventually.wait(timeout: 3, interval: 0.02) { waitpid(target, &status, WNOHANG) == target }
        if !ended {
            kill(target, SIGKILL)
            while waitpid(target, &status, 0) == -1 && errno == EINTR {}
        }
    }

    deinit { stop() }
}

/// sshd could not be set up.
public struct SSHServerError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
