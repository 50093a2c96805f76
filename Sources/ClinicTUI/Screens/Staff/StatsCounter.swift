import ClinicCore
import Foundation

/// Counts the clinic-wide stats on another thread: at a million appointments
/// they take a few hundred milliseconds, far more than a key press may. Both
/// groupings are counted at once so `m` switches without waiting; a recount
/// (the data changed) keeps the old figures on screen until the new ones are in.
final class StatsCounter: @unchecked Sendable {
    private let store: ClinicStore
    private let actor: Actor
    private let doctorID: Int64?
    private let limit: Int
    private let lock = NSLock()
    private let idle = NSCondition()
    private var results: [StatsGrouping: ClinicStats] = [:]
    private var failure: String?
    private var generation = 0
    private var running = 0
    private var unseen = false

    init(store: ClinicStore, actor: Actor, doctorID: Int64?, limit: Int) {
        self.actor = actor
        self.store = store; self.doctorID = doctorID; self.limit = limit
    }

    /// Starts a count (another may still be running: the newest one wins).
    func recount() {
        let current: Int = lock.withLock {
            generation += 1; return generation
        }
        idle.withLock { running += 1 }
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            defer {
                idle.withLock {
                    running -= 1; idle.broadcast()
                }
            }
            for grouping in [StatsGrouping.month, .day] {
                let outcome = Result { try store.stats(doctorID: doctorID, grouping: grouping, limit: limit, by: actor) }
                lock.withLock {
                    guard current == generation else { return }
                    switch outcome {
                    case .success(let stats): results[grouping] = stats; failure = nil
                    case .failure(let error): failure = Format.error(error)
                    }
                    unseen = true
                }
            }
        }
    }

    /// The latest figures for `grouping`, if counted yet.
    func stats(_ grouping: StatsGrouping) -> ClinicStats? { lock.withLock { results[grouping] } }

    /// Why the latest count failed, if it did.
    var error: String? { lock.withLock { failure } }

    /// Whether new figures arrived since the last call (the screen repaints).
    func takeUpdate() -> Bool {
        lock.withLock {
            defer { unseen = false }; return unseen
        }
    }

    /// Blocks until no count is running (tests and benchmarks).
    func wait() { idle.withLock { while running > 0 { idle.wait() } } }
}
