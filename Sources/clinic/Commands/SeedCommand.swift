import ArgumentParser
import ClinicCore
import Foundation

/// `clinic seed`: fills a database with a realistic clinic (DESIGN §5).
struct SeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Fill the database with a realistic clinic; writes report.json and credentials_doctors.json.",
        discussion: """
            Only the admin, the receptionist, the requested doctors and the first patient get passwords \
            (listed in credentials_doctors.json, mode 0600). Other patients have none: the desk sets one \
            with `clinic user passwd`, or they sign up at the kiosk.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Doctors (more are added if the appointments would not fit their slots).") var doctors = 10
    @Option(help: "Patients.") var patients = 100
    @Option(help: "Appointments: 70% in the past six months, 30% in the next 30 days.") var appointments = 500
    @Option(help: "The same seed gives the same clinic.") var randomSeed: UInt64 = 1
    @Option(help: "Folder for report.json and credentials_doctors.json.") var out = "."
    @Flag(help: "Remove all existing data (accounts, appointments, …) first; asks on a terminal.") var replace = false
    @Flag(help: "With --replace: go ahead without asking (needed without a terminal).") var yes = false

    func run() throws {
        try global.run { ctx in
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: out, isDirectory: &isDir), isDir.boolValue else {
                throw ClinicError(.invalidInput, "--out \(out) is not a folder")
            }
            if replace { try confirmReplacing(ctx) }
            let display = ProgressDisplay()
            let outcome = try ctx.store.seed(
                SeedOptions(doctors: doctors, patients: patients, appointments: appointments, randomSeed: randomSeed, replace: replace),
                progress: { display.update($0, $1, $2) })
            display.finish()
            let reportPath = (out as NSString).appendingPathComponent("report.json")
            let credentialsPath = (out as NSString).appendingPathComponent("credentials_doctors.json")
            try writePrivately(JSONOutput.data(outcome.report, pretty: true), to: reportPath)  // names and emails of the doctors
            try writePrivately(JSONOutput.data(["accounts": outcome.credentials], pretty: true), to: credentialsPath)
            if ctx.json {
                JSONOutput.print(
                    SeedSummary(
                        report: reportPath, credentials: credentialsPath, removed: outcome.removed,
                        appointments: outcome.report.appointments, ok: outcome.report.validation.ok))
            } else {
                if let removed = outcome.removed {
                    TextOutput.line("removed \(removed.description), with their history, messages and sign-ins")
                }
                let r = outcome.report
                TextOutput.line(
                    "seeded \(r.accounts_by_role.values.reduce(0, +)) accounts and \(r.appointments) appointments "
                        + "(\(r.past) past, \(r.future) upcoming); validation \(r.validation.ok ? "ok" : "FAILED")")
                for note in r.notes { TextOutput.line("note: \(note)") }
                TextOutput.block("report: \(reportPath)\nsign-ins: \(credentialsPath)")
            }
            if !outcome.report.validation.ok { throw ClinicError(.internalError, "the seeded clinic failed its own validation; see \(reportPath)") }
        }
    }

    /// `--replace` over a clinic with accounts: says what goes and asks on a
    /// terminal (anything but "yes" changes nothing); without one, `--yes` must say so.
    private func confirmReplacing(_ ctx: CommandContext) throws {
        let contents = try ctx.store.contents()
        guard contents.patients + contents.doctors + contents.staff + contents.appointments > 0, !yes else { return }
        let what = "--replace removes \(contents.description) from \(ctx.config.database.redacted)"
        guard isatty(STDIN_FILENO) == 1 else {
            throw ClinicError(.invalidInput, "\(what): add --yes to go ahead")
        }
        TextOutput.errorLine("\(what), for good. Type yes to go ahead: ")
        guard readLine()?.trimmingCharacters(in: .whitespaces).lowercased() == "yes" else {
            throw ClinicError(.conflict, "not confirmed: nothing was changed")
        }
    }

    /// Creates (or replaces) `path` readable by its owner only, before any secret is written.
    private func writePrivately(_ data: Data, to path: String) throws {
        try? FileManager.default.removeItem(atPath: path)
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw ClinicError(.invalidInput, "cannot write \(path)")
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.write(contentsOf: data)
        try handle.close()
    }

    struct SeedSummary: Encodable {
        let report: String; let credentials: String; let removed: ClinicContents?; let appointments: Int; let ok: Bool
    }
}
