import ClinicCore

/// Appointment stats as a stacked bar chart per period (by status), with
/// totals and the no-show rate: one doctor's own (`doctorID`) or the clinic's.
/// `m` switches between month and day grouping.
public final class StatsModel: ScreenModel {
    enum Action: Sendable { case grouping }
    let context: AppContext
    /// The doctor, or nil for the whole clinic.
    public let doctorID: Int64?
    public private(set) var grouping: StatsGrouping = .month
    public private(set) var stats: ClinicStats?
    public private(set) var error: String?
    /// Periods shown.
    public static let periods = 12

    public init(_ context: AppContext, doctorID: Int64?) {
        self.context = context; self.doctorID = doctorID
        reload()
    }

    let bindings: [Binding<Action>] = [Binding([.char("m")], .grouping, "month / day")]
    public var title: String { doctorID == nil ? "Clinic stats" : "My stats" }
    public var hints: [KeyHint] { bindings.hints() }

    public func handle(_ key: Key) -> Effect {
        switch bindings.action(for: key) {
        case .grouping?:
            grouping = grouping == .month ? .day : .month
            reload()
            return .none
        case nil: return .unhandled
        }
    }

    public func reload() {
        do {
            stats = try context.store.stats(doctorID: doctorID, grouping: grouping, limit: Self.periods)
            error = nil
        } catch { stats = nil; self.error = Format.error(error) }
    }

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
