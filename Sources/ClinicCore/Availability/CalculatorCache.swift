import Foundation

/// Doctors' slot calculators, kept while the database's `schedule_state`
/// version (bumped by triggers on hours, time off, profiles and settings) is
/// unchanged: a booking then needs no reads of hours, time off or settings.
final class CalculatorCache: @unchecked Sendable {
    private let lock = NSLock()
    private var version: Int64 = -1
    private var calculators: [Int64: SlotCalculator] = [:]
    private var limits: BookingLimits?

    /// The cached calculator for `doctorID` at `version`, if any.
    func calculator(_ doctorID: Int64, version: Int64) -> SlotCalculator? {
        lock.withLock { self.version == version ? calculators[doctorID] : nil }
    }

    /// Remembers a calculator built at `version` (forgetting older versions).
    func store(_ calc: SlotCalculator, for doctorID: Int64, version: Int64) {
        lock.withLock {
            if self.version != version { calculators = [:]; limits = nil; self.version = version }
            calculators[doctorID] = calc
        }
    }

    /// The clinic's booking limits as a booking read them at `version` (settings move the version too).
    func store(_ limits: BookingLimits, version: Int64) {
        lock.withLock { if self.version == version { self.limits = limits } }
    }

    /// What this process last knew of `doctorID`'s calendar and the clinic's
    /// limits, whatever the version now: a guess, to be checked.
    func lastKnown(_ doctorID: Int64) -> (calculator: SlotCalculator, limits: BookingLimits)? {
        lock.withLock {
            guard let calc = calculators[doctorID], let limits else { return nil }
            return (calc, limits)
        }
    }
}
