import Foundation

/// A child process whose stdout and stderr are drained on background threads
/// while it runs, so a chatty child can never block on a full pipe.
final class ChildProcess: @unchecked Sendable {
    private let process = Process()
    private let outPipe = Pipe()
    private let errPipe = Pipe()
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var outData = Data()
    private var errData = Data()

    init(executable: String, arguments: [String]) {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = FileHandle.nullDevice
    }

    /// Starts the child and its two drain threads.
    func start() throws {
        try process.run()
        drain(outPipe.fileHandleForReading) { [self] data in lock.withLock { outData = data } }
        drain(errPipe.fileHandleForReading) { [self] data in lock.withLock { errData = data } }
    }

    private func drain(_ handle: FileHandle, _ store: @escaping @Sendable (Data) -> Void) {
        DispatchQueue.global().async(group: group) {
            store(handle.readDataToEndOfFile())
        }
    }

    var isRunning: Bool { process.isRunning }

    /// Waits for exit and for both pipes to reach end of file.
    func wait() -> (status: Int32, stdout: String, stderr: String) {
        process.waitUntilExit()
        group.wait()
        return lock.withLock {
            (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
        }
    }

    /// Stops a child that is still running (by its own pid only).
    func terminate() { if process.isRunning { process.terminate() } }
}
