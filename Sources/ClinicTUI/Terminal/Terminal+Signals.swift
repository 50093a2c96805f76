import Foundation

extension Terminal {
    /// Sets a front end's signal dispositions; call first, before any thread
    /// or service starts. Unblocks every signal a parent may have left
    /// blocked (sshd does not, test runners do): the terminal needs SIGWINCH,
    /// and SIGTERM / SIGHUP must arrive. Ignores SIGQUIT, SIGTSTP, SIGTTOU,
    /// SIGTTIN and SIGPIPE — and SIGINT unless `interruptible` — so the kiosk
    /// cannot be stopped or left half-drawn by Ctrl-\ or Ctrl-Z. SIGTERM and
    /// SIGHUP (and SIGINT when interruptible) belong to the process's service
    /// group, whose graceful shutdown ends the loop and restores the terminal.
    public static func claimSignals(interruptible: Bool) {
        var none = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, nil)
        for sig in [SIGQUIT, SIGTSTP, SIGPIPE, SIGTTOU, SIGTTIN] { signal(sig, SIG_IGN) }
        if !interruptible { signal(SIGINT, SIG_IGN) }
    }
}
