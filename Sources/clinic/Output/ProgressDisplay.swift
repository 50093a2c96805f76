import Foundation

/// Shows a long job's progress on stderr: a bar redrawn in place on a
/// terminal, or a plain line per phase and tenth when stderr is a file or pipe.
final class ProgressDisplay: @unchecked Sendable {
    private let lock = NSLock()
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private var lastPhase = ""
    private var lastTenth = -1

    func update(_ phase: String, _ done: Int, _ total: Int) {
        lock.withLock {
            let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 0
            if isTerminal {
                let width = 30, filled = Int(fraction * Double(width))
                let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
                write("\r\u{1B}[2K\(phase.padding(toLength: 13, withPad: " ", startingAt: 0)) \(bar) \(Int(fraction * 100))%")
            } else {
                let tenth = Int(fraction * 10)
                guard phase != lastPhase || tenth != lastTenth else { return }
                write("seed: \(phase) \(done)/\(total)\n")
                lastTenth = tenth
            }
            lastPhase = phase
        }
    }

    /// Ends the bar's line.
    func finish() {
        if isTerminal { write("\r\u{1B}[2K") }
    }

    private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
