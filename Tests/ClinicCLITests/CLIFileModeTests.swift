import ClinicCore
import ClinicTesting
import Foundation
import Testing
#if canImport(Glibc)
    import Glibc
#endif

/// The database holds password hashes, patients' details and the webhook
/// secret (issue 11, item 11): whatever the umask, the real binary creates
/// the database, its -wal and -shm, the lock file, backups, the seed's files
/// and the log for their owner only, and warns about a database others can read.
@Suite(.enabled(if: !TestDatabase.isPostgres, "the modes of SQLite files")) struct CLIFileModeTests {
    /// The permission bits of `path`.
    static func mode(_ path: String) throws -> mode_t {
        var info = stat()
        try #require(stat(path, &info) == 0, "no file \(path)")
        return info.st_mode & 0o777
    }

    @Test func underUmask022NoFileTheBinaryCreatesIsReadableByGroupOrOthers() throws {
        // Given a fresh folder and the default umask 022 (SQLite alone would make 0644 files)
        let clinic = try CLIClinic()
        let folder = clinic.directory.url.path
        // When the clinic is seeded and backed up, through the real binary
        let seed = try clinic.run(["seed", "--doctors", "2", "--patients", "20", "--appointments", "60", "--out", folder], umask: "022")
        try #require(seed.exitCode == 0, "\(seed.stderr)")
        let backup = try clinic.run(["backup", clinic.directory.path("copy.sqlite")], umask: "022")
        try #require(backup.exitCode == 0, "\(backup.stderr)")
        // and a long-running process holds the database open (its -wal and -shm exist meanwhile)
        var serveEnvironment = clinic.environment
        serveEnvironment["CLINIC_NOW"] = nil
        serveEnvironment["CLINIC_LISTEN"] = "127.0.0.1:0"
        let serve = try ClinicBinary.start(["serve"], environment: serveEnvironment, umask: "022")
        let open = Eventually.wait(timeout: 20) {
            FileManager.default.fileExists(atPath: clinic.databasePath + "-wal") && FileManager.default.fileExists(atPath: clinic.databasePath + "-shm")
        }
        let walMode = try? Self.mode(clinic.databasePath + "-wal"), shmMode = try? Self.mode(clinic.databasePath + "-shm")
        signalProcess(serve, SIGKILL)  // not SIGTERM: one sent before serve installs its handlers is lost
        let served = serve.wait()
        #expect(open, "serve never opened the database: \(served.stderr)")
        #expect(walMode == 0o600 && shmMode == 0o600, "-wal \(String(walMode ?? 0, radix: 8)), -shm \(String(shmMode ?? 0, radix: 8))")

        // Then every file in the folder is its owner's only: database, lock, backup, seed report and sign-ins
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        for name in ["clinic.sqlite", "clinic.sqlite.lock", "copy.sqlite", "report.json", "credentials_doctors.json"] {
            #expect(names.contains(name), "\(name) missing: \(names)")
        }
        for name in names {
            let bits = try Self.mode(clinic.directory.path(name))
            #expect(bits & 0o077 == 0, "\(name) is \(String(bits, radix: 8))")
        }
        // And no warning was printed, since nothing is wider than it should be
        #expect(!seed.stderr.contains("warning") && !backup.stderr.contains("warning"), "\(seed.stderr) \(backup.stderr)")
    }

    @Test func aDatabaseOthersCanReadGetsAWarningAtStartAndStillWorks() throws {
        // Given a database made readable by everyone (copied with cp, or made before the modes were enforced)
        let clinic = try CLIClinic()
        try clinic.addPatient(email: "pia@clinic.test", phone: "+15550100001")
        try #require(chmod(clinic.databasePath, 0o644) == 0)
        // When a command opens it, then it says so on stderr, once, and does its work
        let list = try clinic.run("user", "list", "--json")
        #expect(list.exitCode == 0 && list.stdout.contains("pia@clinic.test"))
        let warnings = list.stderr.split(separator: "\n").filter { $0.hasPrefix("clinic: warning: ") }
        #expect(warnings.count == 1 && warnings[0].contains("clinic.sqlite is 0644") && warnings[0].contains("expected 0600"), "\(list.stderr)")
        // And once it is 0600 again, the warning is gone
        try #require(chmod(clinic.databasePath, 0o600) == 0)
        #expect(try clinic.run("user", "list").stderr.isEmpty)
    }

    @Test func inASetGroupIDFolderTheFilesAreSharedWithItsGroupAndNobodyElse() throws {
        // Given a folder shared with a group the usual way (chmod 2770)
        let clinic = try CLIClinic()
        try #require(chmod(clinic.directory.url.path, 0o2770) == 0)
        #expect(DatabaseFiles.mode(forFolder: clinic.directory.url.path) == 0o660)
        // When the binary creates the database and a backup under umask 077, then both are 0660
        let added = try clinic.run(
            [
                "user", "add", "--role", "patient", "--name", "Pia", "--email", "pia@clinic.test",
                "--phone", "+15550100001",
            ], umask: "077")
        try #require(added.exitCode == 0, "\(added.stderr)")
        #expect(try Self.mode(clinic.databasePath) == 0o660 && Self.mode(clinic.databasePath + ".lock") == 0o660)
        #expect(try clinic.run(["backup", clinic.directory.path("copy.sqlite")], umask: "077").exitCode == 0)
        #expect(try Self.mode(clinic.directory.path("copy.sqlite")) == 0o660)
        #expect(DatabaseFiles.permissionWarning(databasePath: clinic.databasePath) == nil)
    }
}
