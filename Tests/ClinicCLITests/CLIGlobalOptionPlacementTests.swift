import ClinicTesting
import Foundation
import Testing

/// The global options (`--db`, `--config`, `--json`) before the command, as
/// `git -C` allows, do what they do after it.
@Suite struct CLIGlobalOptionPlacementTests {
    @Test func globalOptionsMayComeBeforeTheCommand() throws {
        let cli = try CLIClinic()
        var env = cli.environment
        env["CLINIC_DB"] = nil
        let other = cli.directory.path("other.sqlite")
        let added = try ClinicBinary.run(
            ["--db", other, "user", "add", "--role", "patient", "--name", "Chloé Öztürk", "--email", "chloe@x.test", "--phone", "+15550101010"],
            environment: env)
        #expect(added.exitCode == 0, "\(added.stderr)")
        let listed = try ClinicBinary.run(["--json", "--db=\(other)", "user", "list", "--role", "patient"], environment: env)
        #expect(listed.exitCode == 0 && listed.stdout.contains("\"Chloé Öztürk\"") && listed.stdout.hasPrefix("{"), "\(listed.stdout) \(listed.stderr)")
        // after the command as before, and the two places agree
        #expect(try ClinicBinary.run(["user", "list", "--db", other], environment: env).stdout.contains("Chloé Öztürk"))
        // a refusal keeps the contract's form wherever --json stood
        let refused = try ClinicBinary.run(["--json", "--db", other, "confirm", "ZZZZZZ"], environment: env)
        #expect(refused.exitCode == 1 && refused.stdout.contains("\"not_found\""), "\(refused.stdout) \(refused.stderr)")
        #expect(FileManager.default.fileExists(atPath: other), "--db before the command named the database written")
    }
}
