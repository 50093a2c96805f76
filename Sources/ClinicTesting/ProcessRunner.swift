import Foundation

/// What a finished child process left behind.
public struct ProcessResult: Sendable {
    public let exitCode: Int32
    public let stdout: String
    public let stderr: String
}

/// A child process whose stdout and stderr are drained while it runs (a child
/// writing more than a pipe holds would otherwise hang forever).
public final class RunningProcess: @unchecked Sendable {
    private let process = Process()
    private let group = DispatchGroup()
    private var out = Data(), err = Data()

    /// Starts `executable` with `arguments`, exactly `environment` (nothing
    /// inherited), and optional standard input.
    public init(
        _ executable: String, _ arguments: [String], environment: [String: String],
        stdin: String? = nil, workingDirectory: String? = nil
    ) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        if let workingDirectory { process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory) }
        let outPipe = Pipe(), errPipe = Pipe(), inPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = inPipe
        try process.run()
        drain(outPipe.fileHandleForReading) { self.out = $0 }
        drain(errPipe.fileHandleForReading) { self.err = $0 }
        if let stdin { inPipe.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? inPipe.fileHandleForWriting.close()
    }

    /// The child's process id.
    public var pid: Int32 { process.processIdentifier }

    /// Waits for the child to exit and both pipes to close.
    public func wait() -> ProcessResult {
        process.waitUntilExit()
        group.wait()
        return ProcessResult(
            exitCode: process.terminationStatus,
            stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    private func drain(_ handle: FileHandle, into store: @escaping @Sendable (Data) -> Void) {
        group.enter()
        Thread.detachNewThread { [group] in
            store(handle.readDataToEndOfFile())
            group.leave()
        }
    }
}

/// Runs the real `clinic` binary.
public enum ClinicBinary {
    /// `CLINIC_BIN`, else `clinic` beside the test bundle, else `.build/debug/clinic` above this file.
    public static var path: String {
        let env = ProcessInfo.processInfo.environment
        if let bin = env["CLINIC_BIN"], !bin.isEmpty { return bin }
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("clinic").path
        if FileManager.default.isExecutableFile(atPath: besideTests) { return besideTests }
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent(".build/debug/clinic").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return besideTests
    }

    /// Runs `clinic args…` with `environment` plus `PATH`, and waits.
    public static func run(_ arguments: [String], environment: [String: String], stdin: String? = nil) throws -> ProcessResult {
        try start(arguments, environment: environment, stdin: stdin).wait()
    }

    /// Starts `clinic args…` without waiting; with `umask`, under that file
    /// mode mask (set by `/bin/sh`, which then becomes the `clinic` process).
    public static func start(
        _ arguments: [String], environment: [String: String], stdin: String? = nil,
        umask: String? = nil
    ) throws -> RunningProcess {
        var env = environment
        env["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        env["SWIFT_BACKTRACE"] = "enable=no"
        guard let umask else { return try RunningProcess(path, arguments, environment: env, stdin: stdin) }
        precondition(umask.allSatisfy { ("0"..."7").contains($0) }, "a umask is octal digits")
        return try RunningProcess(
            "/bin/sh", ["-c", "umask \(umask) && exec \"$0\" \"$@\"", path] + arguments,
            environment: env, stdin: stdin)
    }
}
