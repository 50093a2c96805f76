import Foundation
import GRDB

/// Database files of the benchmark and the settings read back from them.
enum BenchFiles {
    /// Deletes a database file and its companions (WAL, shared memory, migration lock).
    static func removeDatabase(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal", ".lock"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
    }

    /// Creates `dir` if needed and returns its absolute path.
    static func prepareDirectory(_ dir: String) throws -> String {
        let url = URL(fileURLWithPath: dir).standardizedFileURL
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    /// `journal_mode` and `synchronous` as a connection of `writer` sees them, to show
    /// that the baseline and the clinic database run with the same durability,
    /// and where checkpoints run (both benchmarks: as in the terminals and `serve`).
    static func durability(_ writer: some DatabaseWriter) throws -> [String: Any] {
        try writer.write { db in
            let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "?"
            let sync = try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1
            let names = [0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"]
            return [
                "journal_mode": mode, "synchronous": names[sync] ?? "\(sync)",
                "checkpoints": "in the background (the WALCheckpointer service), as in the terminals and serve",
            ]
        }
    }

    /// The absolute path of the running executable (to spawn workers).
    static func executablePath() -> String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        let arg0 = CommandLine.arguments[0]
        if arg0.hasPrefix("/") { return arg0 }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(arg0).standardizedFileURL.path
    }
}
