import ClinicCore
import ClinicTesting
@_spi(Tooling) @testable import ClinicTUI

/// Drives a front end without a terminal: keys into `AppCore`, frames into a
/// cell buffer, over a real test clinic.
final class TUIHarness {
    let clinic: TestClinic
    let context: AppContext
    let core: AppCore
    /// Takes the kiosk's waits after failed sign-ins instead of sleeping them.
    let sleeper = RecordingSleeper()
    var width = 80, height = 24
    var time = 0.0

    /// `store`: another store over the clinic's database (e.g. with a counting hasher); the clinic's own by default.
    init(
        _ mode: AppMode, clinic: TestClinic? = nil, store: ClinicStore? = nil, idleSeconds: Double? = nil,
        demo: [DemoClinic.SignIn] = []
    ) throws {
        self.clinic = try clinic ?? TestClinic()
        // The staff terminal shows its services' state; here nothing runs the scheduler.
        context = try AppContext(
            store: store ?? self.clinic.store, mode: mode, demoSignIns: demo,
            services: mode == .staff ? ServicesState(scheduler: .off, gateway: "outbox") : nil,
            sleeper: sleeper)
        core = AppCore(context: context, idleSeconds: idleSeconds)
    }

    /// One key.
    func press(_ keys: Key...) { for k in keys { time += 0.1; core.press(k, at: time) } }

    /// Types text one code point at a time, as the terminal delivers it (a
    /// `शर्मा` arrives as six keys, not two characters).
    func type(_ text: String) { for s in text.unicodeScalars { press(.char(Character(s))) } }

    /// The painted frame.
    var frame: CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        core.paint(into: &buffer, localTime: "Mon 2 Mar 2026 07:00")
        return buffer
    }

    /// The frame painted at another size.
    func frame(width: Int, height: Int) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        core.paint(into: &buffer, localTime: "Mon 2 Mar 2026 07:00")
        return buffer
    }

    /// The frame's text.
    var screen: String { frame.text }

    /// Signs in through the screens (kiosk: from the welcome screen).
    func signIn(_ login: String, _ password: String) {
        if context.mode == .kiosk, core.top is WelcomeModel { press(.char("s")) }
        type(login); press(.tab); type(password); press(.enter)
    }
}
