import ClinicCore
import Foundation

/// One worker process of the contention benchmark: opens the shared database,
/// waits for the common start, then tries to book every slot of the plan in
/// its own shuffled order and prints its counts as one JSON line.
enum ContentionWorker {
    static func run(planPath: String, index: Int) throws {
        let plan = try JSONDecoder().decode(ContentionPlan.self, from: Data(contentsOf: URL(fileURLWithPath: planPath)))
        let store = try ClinicStore(
            path: plan.databasePath,
            clock: ManualClock(Date(timeIntervalSince1970: TimeInterval(plan.now))))
        var rng = SplitMix64(seed: plan.seed &+ UInt64(index) &* 0x1000_0001)
        let order = Array(plan.targets.indices).shuffled(using: &rng)
        let patients = plan.patients[index]

        guard FileManager.default.createFile(atPath: plan.readyPath(index), contents: nil) else {
            throw BenchError("worker \(index): cannot create \(plan.readyPath(index))")
        }
        let waitStart = Stopwatch.now()
        while !FileManager.default.fileExists(atPath: plan.goPath) {
            guard Stopwatch.seconds(since: waitStart) < 120 else { throw BenchError("worker \(index): no start signal") }
            usleep(200)
        }

        var booked = 0, taken = 0
        var other: [String: Int] = [:]
        var latencies: [UInt64] = []
        latencies.reserveCapacity(order.count)
        let start = Stopwatch.now()
        for i in order {
            let target = plan.targets[i]
            let request = BookingRequest(
                doctorID: target.doctorID, patientID: patients[target.doctorIndex],
                start: target.start, reason: "Contention check-up")
            let t0 = Stopwatch.now()
            do {
                _ = try store.book(request, by: .shell)
                booked += 1
            } catch let error as ClinicError where error.code == .slotTaken {
                taken += 1
            } catch let error as ClinicError {
                other[error.code.rawValue, default: 0] += 1
            } catch {
                other["\(error)", default: 0] += 1
            }
            latencies.append(Stopwatch.now() &- t0)
        }
        let result = ContentionWorkerResult(
            index: index, booked: booked, slotTaken: taken, otherErrors: other,
            seconds: Stopwatch.seconds(since: start), latencies: latencies)
        let line = try JSONEncoder().encode(result)
        FileHandle.standardOutput.write(line + Data("\n".utf8))
        progress("worker \(index): booked \(booked), slot_taken \(taken), other \(other.values.reduce(0, +))")
    }
}
