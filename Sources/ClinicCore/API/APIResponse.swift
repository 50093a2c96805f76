import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Responses the API writes: JSON values, errors, and raw bytes.
enum APIResponse {
    static let jsonType = "application/json; charset=utf-8"

    /// `value` (dictionaries, arrays, strings, numbers, `NSNull`) as JSON.
    static func json(_ value: Any, status: HTTPTypes.HTTPResponse.Status = .ok) -> Response {
        json(data: encode(value), status: status)
    }

    /// JSON already encoded (off the listener's threads, where it was built).
    static func json(data: Data, status: HTTPTypes.HTTPResponse.Status = .ok) -> Response { bytes(data, type: jsonType, status: status) }

    /// The JSON text of `value` (`JSONText`).
    static func encode(_ value: Any) -> Data { Data(JSONText.encode(value)) }

    /// The error body, with `WWW-Authenticate` on a 401.
    static func error(_ error: APIError) -> Response {
        var response = json(["error": ["code": error.code, "message": error.message]], status: error.status)
        if error.status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer" }
        if error.status == .tooManyRequests { response.headers[.retryAfter] = "60" }
        return response
    }

    static func bytes(_ data: some Sequence<UInt8>, type: String, status: HTTPTypes.HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func text(_ text: String, type: String, status: HTTPTypes.HTTPResponse.Status = .ok) -> Response {
        bytes(Array(text.utf8), type: type, status: status)
    }
}
