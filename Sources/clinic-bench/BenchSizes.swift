/// How big each part of a run is. `full` is the reference run; `quick` keeps
/// the same shapes at sizes that finish in seconds.
struct BenchSizes {
    /// Timed single-row insert transactions in the raw SQLite baseline.
    var rawInserts: Int
    /// Timed `ClinicStore.book` calls.
    var bookings: Int
    /// Untimed operations before each timed loop (statement caches, page cache, branch predictors).
    var warmup: Int
    var bookingDoctors: Int
    var bookingPatients: Int
    /// OS processes booking the same slots at once.
    var contentionWorkers: Int
    /// Slots in the shared set every worker tries to book.
    var contentionSlots: Int
    var contentionDoctors: Int
    /// Appointments in the large database of the slots benchmark.
    var slotsAppointments: Int
    /// Timed `ClinicStore.slots` calls.
    var slotsCalls: Int
    /// Alternating rounds of the raw and booking loops, each on fresh files; the
    /// median round is reported (another process's disk flush can stall a commit
    /// for milliseconds, so one round alone is at the mercy of the machine).
    var rounds: Int
    /// `clinic seed` at scale, then stats over it.
    var seedPatients: Int
    var seedAppointments: Int
    var statsCalls: Int
    /// Appointments in the scheduler tick benchmark, and timed ticks.
    var tickAppointments: Int
    var ticks: Int

    static let full = BenchSizes(
        rawInserts: 20_000, bookings: 20_000, warmup: 1_000, bookingDoctors: 20, bookingPatients: 2_000,
        contentionWorkers: 4, contentionSlots: 2_000, contentionDoctors: 10,
        slotsAppointments: 1_000_000, slotsCalls: 2_000, rounds: 3,
        seedPatients: 100_000, seedAppointments: 1_000_000, statsCalls: 100, tickAppointments: 1_000_000, ticks: 500)

    static let quick = BenchSizes(
        rawInserts: 2_000, bookings: 1_000, warmup: 200, bookingDoctors: 10, bookingPatients: 500,
        contentionWorkers: 4, contentionSlots: 200, contentionDoctors: 4,
        slotsAppointments: 100_000, slotsCalls: 500, rounds: 1,
        seedPatients: 2_000, seedAppointments: 20_000, statsCalls: 20, tickAppointments: 50_000, ticks: 50)
}
