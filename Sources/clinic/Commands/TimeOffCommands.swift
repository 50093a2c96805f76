import ArgumentParser
import ClinicCore

/// `clinic user time-off DOCTOR …`: a doctor's time off (a sick day, a conference).
struct UserTimeOffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "time-off",
        abstract: "Give a doctor time off: whole days (--from D --to D, inclusive) or part of a day (\"D HH:MM\"); --list it; --remove ID.",
        discussion: "Time off over booked visits is refused; --preview lists them, --cancel-booked cancels them with it and texts each patient to book again.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The doctor: email, phone or id.") var doctor: String
    @OptionGroup var stretch: TimeOffOptions

    func validate() throws { try stretch.validate() }

    func run() throws {
        try global.run { ctx in
            let doctor = try ctx.account(doctor, role: .doctor)
            try TimeOffRun(ctx: ctx, scope: .doctor(doctor.id), owner: doctor.name, ownerRef: doctor.contact, options: stretch).run()
        }
    }
}

/// `clinic closure …`: days the whole clinic is closed (holidays), for every doctor.
struct ClosureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "closure",
        abstract: "Close the clinic for days (every doctor): --from D --to D (inclusive) or part of a day; --list; --remove ID.",
        discussion: "A closure over booked visits is refused; --preview lists them, --cancel-booked cancels them with it and texts each patient to book again.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var stretch: TimeOffOptions

    func validate() throws { try stretch.validate() }

    func run() throws {
        try global.run { ctx in
            try TimeOffRun(ctx: ctx, scope: .clinic, owner: "The clinic", ownerRef: nil, options: stretch).run()
        }
    }
}

/// The options a stretch of time off takes, a doctor's or the clinic's.
struct TimeOffOptions: ParsableArguments {
    @Option(help: "First day YYYY-MM-DD, or a start \"YYYY-MM-DD HH:MM\".") var from: String?
    @Option(help: "Last day YYYY-MM-DD (inclusive), or an end \"YYYY-MM-DD HH:MM\".") var to: String?
    @Option(help: "A note (e.g. conference, flu, public holiday); it is the cancelled visits' audit note too.") var note = ""
    @Flag(help: "Cancel the booked visits it covers, texting each patient to book again.") var cancelBooked = false
    @Flag(help: "List the booked visits it would cover; change nothing.") var preview = false
    @Flag(help: "List the stretches (with ids), earliest first.") var list = false
    @Option(help: "Remove the stretch with this id (from --list); its slots open again.") var remove: Int64?
    @Flag(help: "Who added and removed what, and when (newest first).") var history = false

    func validate() throws {
        let adding = from != nil || to != nil
        guard [adding, list, remove != nil, history].filter({ $0 }).count == 1 else {
            throw ValidationError("give --from and --to to add time off, or --list, --remove ID or --history")
        }
        if adding, from == nil || to == nil { throw ValidationError("time off needs both --from and --to") }
        if !adding, cancelBooked || preview { throw ValidationError("--cancel-booked and --preview go with --from and --to") }
        if cancelBooked, preview { throw ValidationError("--preview changes nothing: give it without --cancel-booked") }
    }
}
