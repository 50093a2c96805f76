import ClinicCore
import Foundation
import Logging

/// Keeps every log line off the terminal while curses owns it: swift-log goes
/// to the log file, and so does anything written to stderr (fd 2) until
/// `restore()`, which gives stderr back for the exit message.
final class LogRoute {
    private var savedStderr: Int32 = -1

    /// Opens (creating, with the database files' mode: it names patients'
    /// numbers) `path` for appending, logging from `level` up; logs go
    /// nowhere if it cannot be opened.
    init(path: String, level: Logger.Level) {
        let fd = DatabaseFiles.open(path, flags: O_WRONLY | O_APPEND, mode: DatabaseFiles.mode(besides: path))
        let handle = fd >= 0 ? FileHandle(fileDescriptor: fd, closeOnDealloc: true) : nil
        LoggingSystem.bootstrap { label in
            guard let handle else { return SwiftLogNoOpLogHandler() }
            return FileLogHandler(label: label, handle: handle, logLevel: level)
        }
        if let handle {
            savedStderr = dup(STDERR_FILENO)
            dup2(handle.fileDescriptor, STDERR_FILENO)
        }
    }

    /// Puts the terminal back on stderr.
    func restore() {
        guard savedStderr >= 0 else { return }
        dup2(savedStderr, STDERR_FILENO)
        close(savedStderr)
        savedStderr = -1
    }
}
