import Foundation

/// Turns SIGTERM and SIGHUP into a flag the run loop checks, so the terminal is
/// restored before exit; ignores SIGINT, SIGQUIT and SIGTSTP (the kiosk must not
/// be stopped or left half-drawn by Ctrl-C, Ctrl-\ or Ctrl-Z) and SIGPIPE.
public final class SignalWatcher: @unchecked Sendable {
    private let lock = NSLock()
    private var received: Int32?
    private var sources: [any DispatchSourceSignal] = []

    public init() {}

    /// The terminating signal received, if any.
    public var terminatingSignal: Int32? { lock.withLock { received } }

    /// Installs the handlers (call once, before curses starts).
    public nonisolated func install() {
        // A parent may have left signals blocked (sshd does not, test runners do): the terminal needs SIGWINCH.
        var none = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, nil)
        for sig in [SIGINT, SIGQUIT, SIGTSTP, SIGPIPE, SIGTTOU, SIGTTIN] { signal(sig, SIG_IGN) }
        for sig in [SIGTERM, SIGHUP] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [weak self] in
                guard let self else { return }
                self.lock.withLock { self.received = sig }
            }
            source.resume()
            sources.append(source)
        }
    }
}
