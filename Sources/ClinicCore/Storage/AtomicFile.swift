import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// A new file that appears at its path only when whole (issue 12): it is
/// written to a temporary file beside the target (`.NAME.tmp-XXXXXX`, same
/// folder, so same file system), synced, and then linked into place, which
/// fails instead of replacing a file that appeared there meanwhile. Killed
/// midway, it leaves nothing at the target; the next write removes temporary
/// files that no live writer holds (each holds an `flock` on its own).
enum AtomicFile {
    /// The prefix of the temporary files for `target`.
    static func temporaryPrefix(_ target: String) -> String {
        ".\(URL(fileURLWithPath: target).lastPathComponent).tmp-"
    }

    /// Creates `target` (which must not exist) with `mode`: `fill` writes
    /// the temporary file at the path it is given and checks it; only when
    /// it returns is the file synced and linked to `target`.
    static func create(_ target: String, mode: mode_t, fill: (String) throws -> Void) throws {
        let url = URL(fileURLWithPath: target)
        let folder = url.deletingLastPathComponent().path
        removeStale(target)
        let (fd, temporary) = try lockedTemporary(folder + "/" + temporaryPrefix(target))
        var linked = false
        defer {
            close(fd)
            if !linked { removeWithSidecars(temporary) }
        }
        _ = fchmod(fd, mode)
        try fill(temporary)
        guard fsync(fd) == 0 else { throw ClinicError(.internalError, "cannot sync \(temporary): \(String(cString: strerror(errno)))") }
        guard link(temporary, target) == 0 else {
            if errno == EEXIST { throw ClinicError(.invalidInput, "\(target) already exists; choose a new file") }
            throw ClinicError(.invalidInput, "cannot write \(target): \(String(cString: strerror(errno)))")
        }
        linked = true
        unlink(temporary)
        syncFolder(folder)
    }

    /// A new temporary file (mode 0600, from `mkstemp`) under an `flock` that
    /// marks it live, so `removeStale` in another process leaves it alone. One
    /// that such a process removed between its creation and the lock is
    /// replaced by another.
    static func lockedTemporary(_ prefix: String) throws -> (fd: Int32, path: String) {
        for _ in 0..<5 {
            var template = Array((prefix + "XXXXXX").utf8CString)
            let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard fd >= 0 else { throw ClinicError(.invalidInput, "cannot write \(prefix)…: \(String(cString: strerror(errno)))") }
            let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            var held = stat(), named = stat()
            if flock(fd, LOCK_EX) == 0, fstat(fd, &held) == 0, stat(path, &named) == 0,
                held.st_ino == named.st_ino, held.st_dev == named.st_dev
            {
                return (fd, path)
            }
            close(fd)
        }
        throw ClinicError(.internalError, "cannot create a temporary file \(prefix)…")
    }

    /// Removes temporary files of earlier writes to `target` that were
    /// killed (no process holds their lock), with SQLite's files beside them.
    static func removeStale(_ target: String) {
        let url = URL(fileURLWithPath: target)
        let folder = url.deletingLastPathComponent().path
        let prefix = temporaryPrefix(target)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names where name.hasPrefix(prefix) && !sidecars.contains(where: { name.hasSuffix($0) }) {
            let path = folder + "/" + name
            let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            guard fd >= 0 else { continue }
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { removeWithSidecars(path) }
            close(fd)
        }
        for name in names where name.hasPrefix(prefix) {
            guard let suffix = sidecars.first(where: { name.hasSuffix($0) }) else { continue }
            let base = folder + "/" + String(name.dropLast(suffix.count))
            if !FileManager.default.fileExists(atPath: base) { unlink(folder + "/" + name) }
        }
    }

    /// The files SQLite may leave beside a database it was writing.
    static let sidecars = ["-journal", "-wal", "-shm"]

    private static func removeWithSidecars(_ path: String) {
        for suffix in sidecars { unlink(path + suffix) }
        unlink(path)
    }

    /// Makes the new name durable (the link is an entry of the folder).
    static func syncFolder(_ folder: String) {
        let fd = Glibc.open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}
