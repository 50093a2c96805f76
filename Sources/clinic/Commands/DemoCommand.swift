import ArgumentParser
import ClinicCore
import ClinicTUI
import Foundation

/// `clinic demo`: a ready-to-try clinic in `clinic-demo.sqlite`.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create (if missing) and fill a demo clinic, then open the staff TUI with the scheduler and the webhook listener running (SMS to the outbox)."
    )

    @Option(help: "The demo database.") var db = "clinic-demo.sqlite"
    @Option(help: "The config file (default: CLINIC_CONFIG or ./clinic.toml); the demo keeps its own database and the SMS outbox.")
    var config: String?
    @Option(help: "The demo clinic's time zone (when the demo database is created).") var timezone = "America/New_York"
    @Flag(help: "Print JSON.") var json = false
    @Flag(name: .customLong("no-tui"), help: "Only fill and print; do not open the TUI (also when not on a terminal).") var noTUI = false
    @Option(help: "Theme for the TUI.") var theme: String?

    func run() throws {
        do {
            guard let asked = ClinicTimeZone(identifier: timezone) else {
                throw ClinicError(.invalidInput, "'\(timezone)' is not an IANA time zone")
            }
            // Name and zone are the new demo's; an existing demo keeps what its admin set.
            let fresh = !FileManager.default.fileExists(atPath: db)
            let opensTUI = !json && !noTUI && Terminal.isInteractive
            let store = try ClinicStore(
                path: db, clock: SystemClock.fromEnvironment(),
                settings: fresh ? .init(name: "Demo Clinic", timeZone: asked) : .init(), longRunning: opensTUI)
            if let warning = DatabaseFiles.permissionWarning(databasePath: db) { TextOutput.errorLine("clinic: warning: \(warning)") }
            let zone = try store.settings().timeZone
            let signIns = try DemoClinic.fill(store)
            if json {
                JSONOutput.print(["database": db, "sign_ins": signIns.map { "\($0.role.rawValue) \($0.login) \($0.password)" }.joined(separator: "; ")])
                return
            }
            if opensTUI {
                var config = try ConfigLoader.load(flags: .init(configPath: self.config, databasePath: db))
                config.databasePath = db
                config.smsGateway = .outbox
                try TUILauncher.run(
                    mode: .staff, store: store, config: config, theme: theme,
                    services: .demo, demoSignIns: signIns)
                return
            }
            let (day, time) = try Self.suggestedSlot(store, zone: zone)
            TextOutput.block(
                """
                Demo clinic ready in \(db) (\(zone.identifier)).

                Demo sign-ins (password \(DemoClinic.password)):
                \(signIns.map { "  \($0.role.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0)) \($0.login)" }.joined(separator: "\n"))

                Try:
                  clinic appointments --db \(db)
                  clinic slots --db \(db) --doctor ana.moreau@demo.clinic --date \(day)
                  clinic book --db \(db) --doctor ana.moreau@demo.clinic --patient jose.alvarez@demo.clinic \\
                       --start "\(day) \(time)" --reason "Palpitations"
                  clinic confirm --db \(db) CODE
                """)
        } catch let error as ExitCodeError {
            throw ExitCode(error.status)
        } catch {
            throw ErrorOutput.report(error, json: json)
        }
    }

    /// The demo's suggested booking: Ana's last free slot on the first day
    /// from tomorrow that has one (she does not work every day).
    static func suggestedSlot(_ store: ClinicStore, zone: ClinicTimeZone) throws -> (day: LocalDate, time: String) {
        let ana = try store.account(matching: "ana.moreau@demo.clinic")
        let today = zone.local(store.clock.now()).date
        for offset in 1...14 {
            let day = today.adding(days: offset)
            if let free = try store.slots(doctorID: ana.id, on: day, viewer: .shell).entries.last(where: \.free) {
                return (day, zone.local(free.slot.start).time.description)
            }
        }
        return (today.adding(days: 1), "16:30")
    }
}
