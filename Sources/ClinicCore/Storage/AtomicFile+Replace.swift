import Foundation
#if canImport(Glibc)
    import Glibc
#endif

extension AtomicFile {
    /// Writes `bytes` to `target` as a whole, replacing what is there (a day
    /// sheet written again): a temporary file beside it with `mode`, synced,
    /// then renamed over it, so a reader finds the old file or the new one,
    /// never a part. A folder that is missing or not writable is `invalid_input`.
    static func replace(_ target: String, mode: mode_t, bytes: [UInt8]) throws {
        let folder = URL(fileURLWithPath: target).deletingLastPathComponent().path
        removeStale(target)
        let (fd, temporary) = try lockedTemporary(folder + "/" + temporaryPrefix(target))
        var renamed = false
        defer {
            close(fd)
            if !renamed { unlink(temporary) }
        }
        _ = fchmod(fd, mode)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw ClinicError(.invalidInput, "cannot write \(target): \(String(cString: strerror(errno)))") }
            written += n
        }
        guard fsync(fd) == 0 else { throw ClinicError(.internalError, "cannot sync \(temporary): \(String(cString: strerror(errno)))") }
        guard rename(temporary, target) == 0 else {
            throw ClinicError(.invalidInput, "cannot write \(target): \(String(cString: strerror(errno)))")
        }
        renamed = true
        syncFolder(folder)
    }
}
