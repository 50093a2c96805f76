import ClinicCore
import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// A program running in a detached tmux session of a fixed size, on a private
/// tmux server: send keys, read the screen, wait for text (polling, with a timeout).
public final class TmuxSession: @unchecked Sendable {
    /// A wait that ran out of time, with the screen as it was.
    public struct Timeout: Error, CustomStringConvertible {
        public let waitingFor: String
        public let screen: String
        public var description: String { "timed out waiting for \(waitingFor); screen:\n\(screen)" }
    }

    public let socket: String
    public let session = "t"

    /// Starts `command` (an argv) with exactly `environment` in a `width`×`height` session.
    /// When the command ends the pane shows `[exited N]` and stays. It starts in
    /// `HOME` when the environment names one (a test's folder: files the program
    /// writes in its working directory land there).
    public init(_ command: [String], environment: [String: String], width: Int, height: Int) throws {
        socket = "clinic-test-\(UUID().uuidString.prefix(8))"
        let env = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let line = "env -i \(env) \(command.map(Self.quote).joined(separator: " ")); echo \"[exited $?]\"; sleep 600"
        // The server it starts keeps the client's stdout: a file, never a pipe anyone waits on.
        let start = environment["HOME"].map { ["-c", $0] } ?? []
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", session] + start + ["-x", "\(width)", "-y", "\(height)", line])
    }

    /// Ends the program, its shell and the server (the pane's processes may have
    /// inherited a blocked SIGHUP from the test runner, so they are killed outright).
    deinit {
        if let shell = try? tmux(["display-message", "-p", "-t", session, "#{pane_pid}"]),
            let pid = Int32(shell.trimmingCharacters(in: .whitespacesAndNewlines))
        {
            if let program = try? programPID() { kill(program, SIGKILL) }
            kill(pid, SIGKILL)
        }
        _ = try? tmux(["kill-server"])
    }

    static let environment = [
        "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        "TERM": "xterm-256color", "LANG": "C.UTF-8",
    ]

    /// Sends tmux key names (`Enter`, `Tab`, `BTab`, `Escape`, `Down`, `C-u`…).
    public func press(_ keys: String...) throws { try tmux(["send-keys", "-t", session] + keys) }

    /// Types text literally.
    public func type(_ text: String) throws { try tmux(["send-keys", "-t", session, "-l", text]) }

    /// Pastes text as a terminal does when the program asked for bracketed
    /// paste (wrapped in `ESC [200~` … `ESC [201~`), in one write.
    public func paste(_ text: String) throws {
        try tmux(["set-buffer", "-b", "clinic-paste", "--", text])
        try tmux(["paste-buffer", "-p", "-d", "-b", "clinic-paste", "-t", session])
    }

    /// The screen's text now.
    public func capture() throws -> String { try tmux(["capture-pane", "-p", "-t", session]) }

    /// The screen with its colours and attributes as SGR escape sequences.
    public func captureWithAttributes() throws -> String { try tmux(["capture-pane", "-e", "-p", "-t", session]) }

    /// Resizes the window (the program gets SIGWINCH).
    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The pid of the program (the child of the pane's shell).
    public func programPID() throws -> Int32? {
        let shell = try tmux(["display-message", "-p", "-t", session, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").first.flatMap { Int32($0) }
    }

    /// Polls the screen until `text` shows, or throws `Timeout`. Returns the screen.
    @discardableResult
    public func waitFor(_ text: String, timeout: Double = 10) throws -> String {
        try waitUntil(text, timeout: timeout) { $0.contains(text) }
    }

    /// Polls the screen until `predicate` holds.
    @discardableResult
    public func waitUntil(_ what: String, timeout: Double = 10, _ predicate: (String) -> Bool) throws -> String {
        let deadline = ProcessInfo.processInfo.systemUptime + timeout
        var screen = ""
        repeat {
            screen = try capture()
            if predicate(screen) { return screen }
            SystemClock.pause(seconds: 0.03)
        } while ProcessInfo.processInfo.systemUptime < deadline
        throw Timeout(waitingFor: what, screen: screen)
    }

    /// Presses ↓ (or, once ↓ stops moving, ↑) until the selected row — the
    /// line marked `▸` — holds `text`; throws `Timeout` when no row does.
    public func select(rowContaining text: String) throws {
        let selected = { (screen: String) in screen.split(separator: "\n").contains { $0.contains("▸") && $0.contains(text) } }
        _ = try waitFor("▸")
        var key = "Down"
        for _ in 0..<60 {
            let screen = try capture()
            if selected(screen) { return }
            try press(key)
            do { _ = try waitUntil("the selection to move", timeout: 2) { $0 != screen } } catch { key = key == "Down" ? "Up" : "Down" }
        }
        _ = try waitUntil("a selected row with \(text)", timeout: 1) { selected($0) }
    }

    /// Runs `tmux -L socket args…` with posix_spawn, output through a temporary file.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let argv = ["tmux", "-L", socket] + arguments
        let env = Self.environment.map { "\($0.key)=\($0.value)" }
        // Test runner threads block signals; the terminal's programs must not inherit that (SIGWINCH, SIGTERM…).
        guard let pid = CleanSpawn.start(argv, environment: env, stdout: out, append: false, stderr: "/dev/null", searchPath: true) else {
            throw TmuxError(arguments: arguments, stderr: "cannot start tmux (is it installed? scripts/install-deps)")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        guard status == 0 else { throw TmuxError(arguments: arguments, stderr: "exit status \(status)") }
        return text
    }

    private static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

/// A tmux command that failed.
public struct TmuxError: Error, CustomStringConvertible {
    public let arguments: [String]
    public let stderr: String
    public var description: String { "tmux \(arguments.joined(separator: " ")) failed: \(stderr)" }
}
