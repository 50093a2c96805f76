import ClinicCore

/// What the status line shows: where, who, when, and the background services' state.
struct StatusInfo: Sendable, Equatable {
    var clinicName: String
    var screenTitle: String
    /// The signed-in person, or nil.
    var user: String?
    /// The clinic's local time, already formatted (`Tue 03 Mar 09:41`).
    var localTime: String
    /// Scheduler and SMS gateway state, e.g. `scheduler off · sms outbox` ("" in the kiosk).
    var services: String
    /// The same in fewer columns (`sched off · outbox`), used when the long form does not fit.
    var servicesShort: String

    init(
        clinicName: String, screenTitle: String, user: String?, localTime: String, services: String,
        servicesShort: String? = nil
    ) {
        self.clinicName = clinicName; self.screenTitle = screenTitle; self.user = user
        self.localTime = localTime; self.services = services; self.servicesShort = servicesShort ?? services
    }
}

/// Paints the status line: `Clinic · Screen` on the left, user, services and time
/// on the right. The screen's title is kept whole when it can be (it says where
/// you are), leaving the right side at least 24 columns; the right side then
/// keeps the time, shortens the services, shortens the user's name, drops the
/// services and finally the user.
enum StatusLinePainter {
    static func paint(_ info: StatusInfo, into buffer: inout CellBuffer, row y: Int) {
        buffer.fill(Rect(x: 0, y: y, width: buffer.width, height: 1), role: .statusBar)
        let left = " " + info.clinicName + " · " + info.screenTitle
        let leftWidth = min(CharWidth.of(left), max(0, buffer.width - 26))
        let right = rightText(info, budget: max(0, buffer.width - leftWidth - 3))
        let rightWidth = min(CharWidth.of(right), max(0, buffer.width - 1))
        buffer.write(CharWidth.truncate(left, to: max(0, buffer.width - rightWidth - 2)), x: 0, y: y, role: .title)
        buffer.write(CharWidth.truncate(right, to: rightWidth) + " ", x: buffer.width - rightWidth - 1, y: y, role: .statusBar)
    }

    /// The right-hand text in at most `budget` columns when it can be done: the
    /// first of these that fits.
    static func rightText(_ info: StatusInfo, budget: Int) -> String {
        func join(_ user: String?, _ services: String) -> String {
            [user, services.isEmpty ? nil : services, info.localTime].compactMap { $0 }.joined(separator: " · ")
        }
        var candidates = [join(info.user, info.services), join(info.user, info.servicesShort)]
        if let user = info.user {
            let rest = CharWidth.of(join(nil, info.servicesShort)) + 3
            if budget - rest >= 4 { candidates.append(join(CharWidth.truncate(user, to: budget - rest), info.servicesShort)) }
        }
        candidates.append(join(nil, info.servicesShort))
        if let user = info.user {
            let rest = CharWidth.of(info.localTime) + 3
            if budget - rest >= 6 { candidates.append(join(CharWidth.truncate(user, to: budget - rest), "")) }
        }
        candidates.append(info.localTime)
        return candidates.first { CharWidth.of($0) <= budget } ?? info.localTime
    }
}
