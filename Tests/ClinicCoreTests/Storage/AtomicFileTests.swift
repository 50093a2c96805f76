@testable import ClinicCore
import ClinicTesting
import Foundation
import GRDB
import Testing
#if canImport(Glibc)
    import Glibc
#endif

/// A backup appears at its path only when whole (issue 11, item 12): written
/// beside it under a temporary name, checked, synced, then linked; a failed
/// or killed write leaves nothing at the path, and the next one removes what
/// a killed one left (but never a temporary file a live writer holds).
@Suite("Atomic files and backups")
struct AtomicFileTests {
    let folder: TemporaryDirectory
    var target: String { folder.path("backup.sqlite") }

    init() throws { folder = try TemporaryDirectory(prefix: "clinic-atomic") }

    func write(_ path: String, _ text: String) throws { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) }

    func names() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() }

    @Test("The file appears only after fill returns; while it is written only a private temporary file exists")
    func appearsWhenWhole() throws {
        var seen: String?
        try AtomicFile.create(target, mode: 0o600) { temporary in
            seen = temporary
            #expect(!FileManager.default.fileExists(atPath: target))
            #expect(URL(fileURLWithPath: temporary).lastPathComponent.hasPrefix(".backup.sqlite.tmp-"))
            #expect(URL(fileURLWithPath: temporary).deletingLastPathComponent().path == folder.url.path)
            var info = stat()
            #expect(stat(temporary, &info) == 0 && info.st_mode & 0o777 == 0o600)
            try Data("whole".utf8).write(to: URL(fileURLWithPath: temporary))
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "whole")
        #expect(try names() == ["backup.sqlite"], "the temporary name is gone")
        #expect(seen != nil)
    }

    @Test("A fill that fails, or a target that appeared meanwhile, leaves no file of ours behind")
    func failuresLeaveNothing() throws {
        struct Broken: Error {}
        #expect(throws: Broken.self) {
            try AtomicFile.create(target, mode: 0o600) { temporary in
                try Data("half".utf8).write(to: URL(fileURLWithPath: temporary))
                try write(temporary + "-journal", "j")
                throw Broken()
            }
        }
        #expect(try names().isEmpty)
        // Someone else's file appears at the target while the copy is written: it is not replaced
        #expect(throws: ClinicError(.invalidInput, "\(target) already exists; choose a new file")) {
            try AtomicFile.create(target, mode: 0o600) { temporary in
                try Data("ours".utf8).write(to: URL(fileURLWithPath: temporary))
                try Data("theirs".utf8).write(to: URL(fileURLWithPath: target))
            }
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "theirs")
        #expect(try names() == ["backup.sqlite"])
    }

    @Test("Temporary files a killed write left are removed by the next one; one a live writer holds is left alone")
    func staleOnesAreCleanedUp() throws {
        // Given what a killed backup leaves (its file and SQLite's journal), and one a live writer holds under flock
        let stale = folder.path(".backup.sqlite.tmp-dead01")
        try write(stale, "half")
        try write(stale + "-journal", "j")
        try write(folder.path(".backup.sqlite.tmp-gone02-wal"), "w")
        let live = folder.path(".backup.sqlite.tmp-live03")
        try write(live, "")
        let fd = open(live, O_RDWR)
        defer { close(fd) }
        try #require(fd >= 0 && flock(fd, LOCK_EX) == 0)
        let other = folder.path(".other.sqlite.tmp-dead04")  // another target's: not ours to touch
        try write(other, "")
        // When a new write to the same target runs
        try AtomicFile.create(target, mode: 0o600) { try Data("new".utf8).write(to: URL(fileURLWithPath: $0)) }
        // Then the dead ones went, the live one and the other target's stayed
        #expect(try names() == [".backup.sqlite.tmp-live03", ".other.sqlite.tmp-dead04", "backup.sqlite"])
    }

    @Test(
        "backup(to:) writes a whole, checked, private copy; an existing path is refused and kept",
        .enabled(if: !TestDatabase.isPostgres, "PostgreSQL is backed up by its own tools"))
    func storeBackup() throws {
        let clinic = try TestClinic()
        let doctor = try clinic.addDoctor(), patient = try clinic.addPatient()
        let booked = try clinic.book(doctor: doctor, patient: patient, at: try clinic.local("2026-03-03", "09:00"))
        try clinic.store.backup(to: target)
        #expect(try names() == ["backup.sqlite"])
        var info = stat()
        #expect(stat(target, &info) == 0 && info.st_mode & 0o777 == 0o600)
        let copy = try DatabaseQueue(path: target)
        #expect(try copy.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") } == ["ok"])
        #expect(try copy.read { try String.fetchOne($0, sql: "SELECT code FROM appointment") } == booked.code)
        try copy.close()
        let size = info.st_size
        #expect(throws: ClinicError(.invalidInput, "\(target) already exists; choose a new file")) { try clinic.store.backup(to: target) }
        #expect(stat(target, &info) == 0 && info.st_size == size)
    }
}
