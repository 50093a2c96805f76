import ArgumentParser
import ClinicCore
import Foundation

/// Writes the contract's error forms (DESIGN §3) and picks the exit status.
enum ErrorOutput {
    /// Exit status: 2 for bad input, 1 for every other refusal (`conflict` included), 70 for internal failures.
    static func exitCode(for code: ClinicError.Code) -> Int32 {
        switch code {
        case .invalidInput: return 2
        case .internalError: return 70
        default: return 1
        }
    }

    /// Prints `error` (stderr line, or the JSON envelope on stdout) and returns the exit to throw.
    static func report(_ error: Error, json: Bool) -> ExitCode {
        let clinicError = error as? ClinicError ?? ClinicError(.internalError, "\(error)")
        if json {
            JSONOutput.print(Envelope(error: .init(code: clinicError.code.rawValue, message: clinicError.message)))
        } else {
            TextOutput.errorLine("clinic: \(clinicError.code.rawValue): \(clinicError.message)")
        }
        return ExitCode(exitCode(for: clinicError.code))
    }

    private struct Envelope: Encodable {
        struct Body: Encodable { let code: String; let message: String }
        let error: Body
    }
}
