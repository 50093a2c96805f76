import HTTPTypes

/// An API refusal: the contract's code, its HTTP status (mapped here and
/// nowhere else) and one sentence. Routes throw it or a `ClinicError`;
/// `APIResponse.error` writes `{"error": {"code", "message"}}`.
struct APIError: Error, Sendable {
    let status: HTTPTypes.HTTPResponse.Status
    let code: String
    let message: String

    init(_ status: HTTPTypes.HTTPResponse.Status, _ code: String, _ message: String) {
        self.status = status; self.code = code; self.message = message
    }

    /// The one mapping from the core's codes to HTTP statuses.
    init(_ error: ClinicError) {
        let status: HTTPTypes.HTTPResponse.Status
        switch error.code {
        case .invalidInput, .notAligned, .outsideSchedule, .inPast: status = .badRequest
        case .unauthorized: status = .unauthorized
        case .forbidden: status = .forbidden
        case .notFound: status = .notFound
        case .slotTaken, .patientBusy, .conflict, .invalidTransition: status = .conflict
        case .lockedOut: status = HTTPTypes.HTTPResponse.Status(code: 423, reasonPhrase: "Locked")
        case .internalError: status = .internalServerError
        }
        self.init(status, error.code.rawValue, error.message)
    }

    /// Any error a route let through: the core's as mapped, anything else a 500 that says nothing inside.
    init(any error: any Error) {
        if let api = error as? APIError {
            self = api
        } else if let clinic = error as? ClinicError {
            self.init(clinic)
        } else {
            self.init(.internalServerError, "internal", "the request could not be handled; retry later")
        }
    }

    static func invalidInput(_ message: String) -> APIError { APIError(.badRequest, "invalid_input", message) }
    static let signInAgain = APIError(.unauthorized, "unauthorized", "sign in again")
    static func tooLarge(_ limit: Int) -> APIError {
        APIError(.contentTooLarge, "payload_too_large", "the body is larger than \(limit) bytes")
    }
    static let rateLimited = APIError(.tooManyRequests, "rate_limited", "too many attempts from this address: wait a minute")
}
