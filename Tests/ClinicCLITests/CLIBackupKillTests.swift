import ClinicCore
import ClinicTesting
import Foundation
import GRDB
import Testing
#if canImport(Glibc)
    import Glibc
#endif

/// `clinic backup PATH` killed at random points (issue 11, item 12): it never
/// leaves a partial file at PATH (before, a full-size partial file and a
/// `-journal` stayed there and the retry was refused), and a retry succeeds
/// and cleans up what the killed ones left.
@Suite(.enabled(if: !TestDatabase.isPostgres, "backs up a SQLite file")) struct CLIBackupKillTests {
    /// Whether `path` is a whole copy: it passes SQLite's check and holds all `appointments`.
    static func isWhole(_ path: String, appointments: Int) throws -> Bool {
        let copy = try DatabaseQueue(
            path: path,
            configuration: {
                var c = Configuration(); c.readonly = true; return c
            }())
        defer { try? copy.close() }
        return try copy.read { db in
            try String.fetchAll(db, sql: "PRAGMA quick_check") == ["ok"]
                && Int.fetchOne(db, sql: "SELECT count(*) FROM appointment") == appointments
        }
    }

    @Test func aBackupKilledAtRandomPointsNeverLeavesAFileAtItsPathAndARetrySucceeds() throws {
        // Given a seeded clinic big enough that a backup takes a while (~13 MB)
        let clinic = try CLIClinic()
        let seeded = try clinic.run(
            "seed", "--doctors", "10", "--patients", "2000", "--appointments", "50000",
            "--out", clinic.directory.url.path)
        try #require(seeded.exitCode == 0, "\(seeded.stderr)")
        let target = clinic.directory.path("backup.sqlite")
        let prefix = ".backup.sqlite.tmp-"
        func temporaries() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: clinic.directory.url.path).filter { $0.hasPrefix(prefix) }
        }
        // and how long a whole backup takes here, process start included
        let started = SystemClock().now()
        let timing = try clinic.run("backup", clinic.directory.path("timing.sqlite"))
        let whole = SystemClock().now().timeIntervalSince(started)
        try #require(timing.exitCode == 0, "\(timing.stderr)")
        try FileManager.default.removeItem(atPath: clinic.directory.path("timing.sqlite"))

        // When 20 backups to one path are killed (SIGKILL) after a random share of that time
        var killed = 0, killedWhileWriting = 0
        for run in 1...20 {
            let delay = Double.random(in: 0..<(whole * 0.9))
            let process = try ClinicBinary.start(["backup", target], environment: clinic.environment)
            Eventually.pause(delay)
            signalProcess(process, SIGKILL)
            let result = process.wait()
            let left = try temporaries()
            if FileManager.default.fileExists(atPath: target) {
                // Only a backup that got to the end may leave a file there, and then it is whole
                #expect(try Self.isWhole(target, appointments: 50000), "run \(run): a partial file at \(target)")
                try FileManager.default.removeItem(atPath: target)
                continue
            }
            #expect(result.exitCode != 0, "run \(run) ended cleanly with no file at \(target): \(result.stderr)")
            killed += 1
            if !left.isEmpty { killedWhileWriting += 1 }
        }
        // Then most kills came before the end, some of them while the copy was being written
        #expect(killed >= 10, "only \(killed) of 20 backups were killed before they finished")
        #expect(killedWhileWriting >= 1, "no kill came while the copy was being written")

        // And a retry to the same path succeeds, leaves a whole copy, and removes what the killed ones left
        let retry = try clinic.run("backup", target)
        #expect(retry.exitCode == 0 && retry.stdout == "backed up to \(target)\n", "\(retry.stderr)")
        #expect(try Self.isWhole(target, appointments: 50000))
        let leftBehind = try temporaries()
        #expect(leftBehind.isEmpty, "left behind: \(leftBehind)")
        // And the rule that PATH must not exist still holds
        let again = try clinic.run("backup", target)
        #expect(again.exitCode == 2 && again.stderr.contains("already exists"))
    }
}
