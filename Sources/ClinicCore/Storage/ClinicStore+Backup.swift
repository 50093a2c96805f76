import Foundation
import GRDB

extension ClinicStore {
    /// A consistent copy of the live database at `path`, which must not exist
    /// (`invalid_input` otherwise). The copy is written beside `path` under a
    /// temporary name, checked (`PRAGMA quick_check`), synced and only then
    /// linked to `path` (`AtomicFile`), so a copy at `path` is always whole:
    /// a backup killed midway leaves nothing there, and the next one cleans up
    /// after it. The copy gets the database's mode: 0600 (0660 in a
    /// set-group-ID folder), whatever the umask.
    public func backup(to path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw ClinicError(.invalidInput, "\(path) already exists; choose a new file")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw ClinicError(.invalidInput, "the folder \(folder) does not exist; create it or choose another path")
        }
        try AtomicFile.create(path, mode: DatabaseFiles.mode(forFolder: folder)) { temporary in
            let target: DatabaseQueue
            do {
                target = try DatabaseQueue(path: temporary)
            } catch let error as DatabaseError {
                throw ClinicError(.invalidInput, "cannot write \(path): \(error.message ?? "\(error)")")
            }
            guard let sqlite = pool.sqlite else {
                throw ClinicError(.invalidInput, "a clinic on PostgreSQL is backed up with pg_dump (or a standby), not clinic backup")
            }
            try sqlite.backup(to: target)
            let check = try target.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
            try target.close()
            guard check == ["ok"] else {
                throw ClinicError(.internalError, "the copy failed its check (\(check.prefix(3).joined(separator: "; "))); nothing was written to \(path)")
            }
        }
    }
}
