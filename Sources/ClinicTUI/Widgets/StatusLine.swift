/// What the status line shows: where, who, when, and the background services' state.
public struct StatusInfo: Sendable, Equatable {
    public var clinicName: String
    public var screenTitle: String
    /// The signed-in person, or nil.
    public var user: String?
    /// The clinic's local time, already formatted (`Tue 03 Mar 09:41`).
    public var localTime: String
    /// Scheduler and SMS gateway state, e.g. `scheduler off · sms outbox` ("" in the kiosk).
    public var services: String
    /// The same in fewer columns (`sched off · outbox`), used when the long form does not fit.
    public var servicesShort: String

    public init(clinicName: String, screenTitle: String, user: String?, localTime: String, services: String,
                servicesShort: String? = nil) {
        self.clinicName = clinicName; self.screenTitle = screenTitle; self.user = user
        self.localTime = localTime; self.services = services; self.servicesShort = servicesShort ?? services
    }
}

/// Paints the status line: `Clinic · Screen` on the left, user, services and time
/// on the right. The right side keeps at most `width - 20` columns: the time
/// always shows, the services in their short form if need be, the user's name is
/// shortened last.
public enum StatusLinePainter {
    public static func paint(_ info: StatusInfo, into buffer: inout CellBuffer, row y: Int) {
        buffer.fill(Rect(x: 0, y: y, width: buffer.width, height: 1), role: .statusBar)
        let right = rightText(info, budget: max(0, buffer.width - 20))
        let rightWidth = min(CharWidth.of(right), max(0, buffer.width - 20))
        let left = " " + info.clinicName + " · " + info.screenTitle
        buffer.write(CharWidth.truncate(left, to: buffer.width - rightWidth - 2), x: 0, y: y, role: .title)
        buffer.write(CharWidth.truncate(right, to: rightWidth) + " ", x: buffer.width - rightWidth - 1, y: y, role: .statusBar)
    }

    /// The right-hand text in at most `budget` columns when it can be done.
    static func rightText(_ info: StatusInfo, budget: Int) -> String {
        func join(_ user: String?, _ services: String) -> String {
            [user, services.isEmpty ? nil : services, info.localTime].compactMap { $0 }.joined(separator: " · ")
        }
        let full = join(info.user, info.services)
        if CharWidth.of(full) <= budget { return full }
        let short = join(info.user, info.servicesShort)
        guard let user = info.user, CharWidth.of(short) > budget else { return short }
        let rest = CharWidth.of(join(nil, info.servicesShort)) + 3
        guard budget - rest >= 4 else { return join(nil, info.servicesShort) }
        return join(CharWidth.truncate(user, to: budget - rest), info.servicesShort)
    }
}
