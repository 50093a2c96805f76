import Foundation
import GRDB

/// The one JSON object `clinic-bench` prints: headline figures at the top
/// level, details per benchmark, machine facts and parameters.
enum BenchReport {
    /// Facts about the machine and libraries that the figures depend on.
    static func machine() throws -> [String: Any] {
        let info = ProcessInfo.processInfo
        let version = try DatabaseQueue().read { db in try String.fetchOne(db, sql: "SELECT sqlite_version()") ?? "?" }
        #if DEBUG
            let build = "debug"
        #else
            let build = "release"
        #endif
        return [
            "cores": info.processorCount, "active_cores": info.activeProcessorCount,
            "memory_gib": rounded(Double(info.physicalMemory) / 1_073_741_824, 1),
            "os": info.operatingSystemVersionString, "sqlite_version": version,
            "grdb_version": "7.10.0", "build": build,
        ]
    }

    static func parameters(_ sizes: BenchSizes, quick: Bool, dbDir: String) -> [String: Any] {
        [
            "quick": quick, "db_dir": dbDir, "time_zone": BenchClinic.zoneID, "warmup_ops": sizes.warmup,
            "raw_inserts": sizes.rawInserts, "bookings": sizes.bookings,
            "booking_doctors": sizes.bookingDoctors, "booking_patients": sizes.bookingPatients,
            "contention_processes": sizes.contentionWorkers, "contention_slots": sizes.contentionSlots,
            "contention_doctors": sizes.contentionDoctors,
            "slots_appointments": sizes.slotsAppointments, "slots_calls": sizes.slotsCalls,
            "raw_booking_rounds": sizes.rounds,
        ]
    }

    /// Pretty, key-sorted JSON text.
    static func text(_ report: [String: Any]) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: report, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}
