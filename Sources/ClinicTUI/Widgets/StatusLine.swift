/// What the status line shows: where, who, when, and the background services' state.
public struct StatusInfo: Sendable, Equatable {
    public var clinicName: String
    public var screenTitle: String
    /// The signed-in person, or nil.
    public var user: String?
    /// The clinic's local time, already formatted (`Tue 03 Mar 09:41`).
    public var localTime: String
    /// Scheduler and SMS gateway state, e.g. `scheduler off · sms outbox`.
    public var services: String

    public init(clinicName: String, screenTitle: String, user: String?, localTime: String, services: String) {
        self.clinicName = clinicName; self.screenTitle = screenTitle; self.user = user
        self.localTime = localTime; self.services = services
    }
}

/// Paints the status line: `Clinic · Screen` on the left, user, services and time on the right.
public enum StatusLinePainter {
    public static func paint(_ info: StatusInfo, into buffer: inout CellBuffer, row y: Int) {
        buffer.fill(Rect(x: 0, y: y, width: buffer.width, height: 1), role: .statusBar)
        let right = [info.user, info.services.isEmpty ? nil : info.services, info.localTime].compactMap { $0 }.joined(separator: " · ")
        let rightWidth = min(CharWidth.of(right), max(0, buffer.width - 20))
        let left = " " + info.clinicName + " · " + info.screenTitle
        buffer.write(CharWidth.truncate(left, to: buffer.width - rightWidth - 2), x: 0, y: y, role: .title)
        buffer.write(CharWidth.truncate(right, to: rightWidth) + " ", x: buffer.width - rightWidth - 1, y: y, role: .statusBar)
    }
}
