import Foundation

/// What the contention benchmark hands each worker process (a JSON file).
struct ContentionPlan: Codable {
    /// One slot of the shared set: which doctor, which start (unix seconds).
    struct Target: Codable {
        let doctorID: Int64
        let doctorIndex: Int
        let start: Int64
    }

    let databasePath: String
    /// Workers create `ready.<index>` here, then wait for `go`.
    let syncDirectory: String
    /// The clock every worker is fixed at (unix seconds), before every slot.
    let now: Int64
    let seed: UInt64
    let targets: [Target]
    /// `patients[worker][doctorIndex]`: each worker books each doctor for its own patient,
    /// so no attempt can be `patient_busy`.
    let patients: [[Int64]]

    var goPath: String { syncDirectory + "/go" }
    func readyPath(_ index: Int) -> String { syncDirectory + "/ready.\(index)" }
}

/// What a worker prints (one JSON line on stdout).
struct ContentionWorkerResult: Codable {
    let index: Int
    let booked: Int
    let slotTaken: Int
    /// Other refusals and errors, by code or message.
    let otherErrors: [String: Int]
    let seconds: Double
    /// Each attempt's duration, nanoseconds.
    let latencies: [UInt64]
}
