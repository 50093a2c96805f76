import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// CPU time and bytes written by this process, so a benchmark can say per
/// operation how much was computing, how much kernel I/O, and how many bytes
/// each transaction handed to the file system (WAL frames, checkpoints).
struct ProcessCounters {
    var userMicros: Double = 0
    var systemMicros: Double = 0
    /// Bytes passed to write/pwrite (`wchar` of /proc/self/io).
    var bytesWritten: Double = 0
    /// write/pwrite calls (`syscw`).
    var writeCalls: Double = 0

    static func now() -> ProcessCounters {
        var counters = ProcessCounters()
        var usage = rusage()
        if getrusage(RUSAGE_SELF.rawValue, &usage) == 0 {
            counters.userMicros = Double(usage.ru_utime.tv_sec) * 1e6 + Double(usage.ru_utime.tv_usec)
            counters.systemMicros = Double(usage.ru_stime.tv_sec) * 1e6 + Double(usage.ru_stime.tv_usec)
        }
        if let text = try? String(contentsOfFile: "/proc/self/io", encoding: .utf8) {
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, let value = Double(parts[1]) else { continue }
                if parts[0] == "wchar" { counters.bytesWritten = value }
                if parts[0] == "syscw" { counters.writeCalls = value }
            }
        }
        return counters
    }

    /// The change since `start`, per operation, as JSON fields.
    func perOperation(since start: ProcessCounters, operations: Int) -> [String: Any] {
        let n = Double(max(1, operations))
        return [
            "cpu_user_us": rounded((userMicros - start.userMicros) / n, 1),
            "cpu_system_us": rounded((systemMicros - start.systemMicros) / n, 1),
            "bytes_written": rounded((bytesWritten - start.bytesWritten) / n, 0),
            "write_calls": rounded((writeCalls - start.writeCalls) / n, 2),
        ]
    }
}
