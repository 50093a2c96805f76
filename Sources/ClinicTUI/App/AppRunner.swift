import ClinicCore
import Foundation

/// Runs a front end on the real terminal: keys in, frames out, a look at the
/// database's data version about every 500 ms, idle sign-out, clean restore.
public final class AppRunner {
    let core: AppCore
    let theme: Theme
    let environment: [String: String]
    let servicesProbe: ServicesProbe?
    /// Seconds between two looks at the data version.
    static let pollInterval = 0.5

    /// `servicesProbe` feeds the staff status line with the scheduler / SMS state (nil: none shown).
    public init(
        context: AppContext, theme: Theme, idleSeconds: Double?, servicesProbe: ServicesProbe? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.servicesProbe = servicesProbe
        self.core = AppCore(context: context, idleSeconds: idleSeconds, startedAt: ProcessInfo.processInfo.systemUptime)
        self.theme = theme
        self.environment = environment
    }

    /// Runs until the person quits, the terminal goes away or `stopRequested()`
    /// (checked at least every 100 ms: the process is shutting down); restores
    /// the terminal and returns the exit status.
    public func run(until stopRequested: () -> Bool = { false }) throws -> Int32 {
        let watcher = try ChangeWatcher(store: core.context.store)
        let terminal = Terminal()
        try terminal.start(theme: theme, environment: environment, crashMessage: crashMessage)
        defer { terminal.stop() }
        var lastPoll = uptime, lastTime = "", dirty = true
        if let servicesProbe { core.context.servicesState = servicesProbe.state() }
        while !core.finished {
            if stopRequested() { return 0 }
            let now = uptime
            let localTime = clockText()
            if localTime != lastTime { lastTime = localTime; dirty = true }
            if dirty {
                let size = terminal.size
                var buffer = CellBuffer(width: size.width, height: size.height)
                core.paint(into: &buffer, localTime: localTime)
                terminal.draw(buffer)
                dirty = false
            }
            switch terminal.read() {
            case .key(let key):
                press(key)
                // Keys already typed (a paste into a terminal without bracketed
                // paste, a fast typist over ssh) are all handled before the next frame.
                var more = 0
                while more < Self.typeAhead, !core.finished, case .key(let next) = terminal.read(wait: false) {
                    press(next); more += 1
                }
                dirty = true
            case .timeout: break
            case .hangUp: return 0
            }
            if core.top.takeBackgroundUpdate() { dirty = true }
            if uptime - lastPoll >= Self.pollInterval || now - lastPoll >= Self.pollInterval {
                lastPoll = uptime
                let changed = (try? watcher.changed()) ?? false
                let signedIn = core.context.account != nil
                core.tick(at: uptime, dataChanged: changed)
                if changed || signedIn != (core.context.account != nil) { dirty = true }
                if let servicesProbe {
                    let state = servicesProbe.state()
                    if state != core.context.servicesState { core.context.servicesState = state; dirty = true }
                }
            }
        }
        return 0
    }

    private var uptime: Double { ProcessInfo.processInfo.systemUptime }

    /// Keys handled at most between two frames.
    static let typeAhead = 20_000

    /// The sentence a crash leaves on the screen: nothing of the program's insides.
    var crashMessage: String {
        core.context.mode == .kiosk
            ? "Something went wrong; please ask the desk."
            : "Something went wrong and the clinic program stopped; the details are in its log file."
    }

    private func press(_ key: Key) {
        #if DEBUG
            // A test-only trap (debug builds only): proves a crash shows no internals.
            if key == .function(12), environment["CLINIC_TEST_TRAP_ON_F12"] == "1" { fatalError("test trap (F12)") }
        #endif
        core.press(key, at: uptime)
    }

    /// The clinic's local time for the status line, from the injected clock.
    private func clockText() -> String {
        let context = core.context
        let local = context.timeZone.local(context.now)
        return Format.day(local.date) + " " + local.time.description
    }
}
