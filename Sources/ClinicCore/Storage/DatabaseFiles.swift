import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// Who may read the clinic's files (issue 11). The database holds password
/// hashes, patients' details and the webhook secret, so the database, its
/// `-wal` and `-shm`, the migration lock file and every backup are created
/// for their owner only (0600), whatever the umask. A folder shared with a
/// group the usual way (set-group-ID, `chmod 2770`) gets 0660 instead: new
/// files there take the folder's group, and the group needs write access
/// too, since SQLite opens `-shm` read-write even to read. SQLite gives
/// `-wal` and `-shm` the mode of the database file, so creating the
/// database with the right mode covers them.
public enum DatabaseFiles {
    /// The mode for the clinic's files in `folder`: 0660 in a set-group-ID folder, else 0600.
    public static func mode(forFolder folder: String) -> mode_t {
        var info = stat()
        guard stat(folder.isEmpty ? "." : folder, &info) == 0 else { return 0o600 }
        return info.st_mode & S_ISGID != 0 ? 0o660 : 0o600
    }

    /// The mode for the clinic's files beside `path`.
    public static func mode(besides path: String) -> mode_t {
        mode(forFolder: URL(fileURLWithPath: path).deletingLastPathComponent().path)
    }

    /// Opens `path` with `flags`, creating it with exactly `mode` (not masked
    /// by the umask) when it does not exist. A file that exists keeps its mode.
    /// Returns the descriptor, or -1 with `errno` set.
    public static func open(_ path: String, flags: Int32, mode: mode_t) -> Int32 {
        let created = Glibc.open(path, flags | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        if created >= 0 {
            _ = fchmod(created, mode)
            return created
        }
        guard errno == EEXIST else { return -1 }
        return Glibc.open(path, (flags & ~(O_CREAT | O_EXCL)) | O_CLOEXEC)
    }

    /// Creates an empty database file at `path` with the clinic's mode if
    /// there is none yet, so that SQLite (which creates it 0644 minus the
    /// umask) opens a file that is already private.
    static func prepareDatabase(_ path: String) {
        let fd = open(path, flags: O_RDWR, mode: mode(besides: path))
        if fd >= 0 { close(fd) }
    }

    /// A sentence when the database or its `-wal` / `-shm` can be read or
    /// written by more people than the clinic's mode allows (a file created
    /// before the modes were enforced, or copied with `cp`); nil when not.
    /// Nothing is changed: the front ends print or log it.
    public static func permissionWarning(databasePath path: String) -> String? {
        let allowed = mode(besides: path)
        let wide = [path, path + "-wal", path + "-shm"].compactMap { file -> String? in
            var info = stat()
            guard stat(file, &info) == 0 else { return nil }
            let bits = info.st_mode & 0o777
            return bits & ~allowed != 0 ? "\(URL(fileURLWithPath: file).lastPathComponent) is \(octal(bits))" : nil
        }
        guard !wide.isEmpty else { return nil }
        return "the database files can be read by more people than they should (\(wide.joined(separator: ", ")); "
            + "expected \(octal(allowed))): they hold password hashes and patients' details; "
            + "run `chmod \(octal(allowed)) \(path)*` or see the README (File modes)"
    }

    static func octal(_ mode: mode_t) -> String {
        let digits = String(mode, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
