import ClinicCore

/// Appointment stats as a stacked bar chart per period (by status), with
/// totals and the no-show rate: one doctor's own (`doctorID`) or the clinic's
/// (counted on another thread; the screen shows them when they are in).
/// `m` switches between month and day grouping.
@_spi(Tooling) public final class StatsModel: ScreenModel {
    enum Action: Sendable { case grouping }
    let context: AppContext
    /// The doctor, or nil for the whole clinic.
    let doctorID: Int64?
    private(set) var grouping: StatsGrouping = .month
    /// One doctor's figures, read on the key press (a few thousand rows: under a millisecond).
    private var own: ClinicStats?
    private var ownError: String?
    /// The clinic's figures, counted on another thread (a million rows).
    private let counter: StatsCounter?
    /// Periods shown.
    static let periods = 12

    init(_ context: AppContext, doctorID: Int64?) {
        self.context = context; self.doctorID = doctorID
        counter = doctorID == nil ? context.actor.map { StatsCounter(store: context.store, actor: $0, doctorID: nil, limit: Self.periods) } : nil
        reload()
    }

    let bindings: [Binding<Action>] = [Binding([.char("m")], .grouping, "month / day")]
    var title: String { doctorID == nil ? "Clinic stats" : "My stats" }
    var hints: [KeyHint] { bindings.hints() }

    /// The figures shown, once counted.
    var stats: ClinicStats? { counter.map { $0.stats(grouping) } ?? own }
    var error: String? { counter.map { $0.error } ?? ownError }
    /// The clinic's figures are still being counted (the screen says so).
    var counting: Bool { stats == nil && error == nil }

    func handle(_ key: Key) -> Effect {
        switch bindings.action(for: key) {
        case .grouping?:
            grouping = grouping == .month ? .day : .month
            if counter == nil { reload() }
            return .none
        case nil: return .unhandled
        }
    }

    func reload() {
        if let counter { counter.recount(); return }
        do {
            guard let actor = context.actor else { throw ClinicError(.unauthorized, "sign in to see the figures") }
            own = try context.store.stats(doctorID: doctorID, grouping: grouping, limit: Self.periods, by: actor)
            ownError = nil
        } catch { own = nil; ownError = Format.error(error) }
    }

    func takeBackgroundUpdate() -> Bool { counter?.takeUpdate() ?? false }

    /// Waits for a count in progress (tests and benchmarks).
    @_spi(Tooling) public func waitForCount() { counter?.wait() }

    /// The order statuses are stacked in, and the glyph each is drawn with
    /// (so the chart reads in monochrome too).
    static let stack: [(AppointmentStatus, Character)] = [
        (.completed, "█"), (.checkedIn, "▇"), (.confirmed, "▓"), (.scheduled, "▒"), (.noShow, "▚"), (.cancelled, "░"),
    ]

    /// Cells per status for a bar `width` wide at `scale` (the largest total),
    /// rounding so every non-zero status shows at least one cell.
    static func segments(_ counts: StatsCounts, scale: Int, width: Int) -> [(AppointmentStatus, Int)] {
        guard scale > 0, width > 0 else { return [] }
        return stack.map { status, _ in
            let n = counts.byStatus[status] ?? 0
            return (status, n == 0 ? 0 : max(1, Int((Double(n) * Double(width) / Double(scale)).rounded())))
        }
    }
}
