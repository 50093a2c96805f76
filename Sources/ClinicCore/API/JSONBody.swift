import HTTPTypes
import Foundation
import Hummingbird
import NIOCore

/// A request's JSON object, read within its limit, with typed fields: a
/// missing required field or a wrong type is `invalid_input` naming the
/// field. Unknown fields are ignored.
struct JSONBody: Sendable {
    /// The JSON bodies' limit (the photo has its own).
    static let maxBytes = 64 * 1024

    /// One field's value as parsed.
    enum Value: Sendable, Equatable, Decodable {
        case string(String), number(Double), bool(Bool), null, other

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() {
                self = .null
            } else if let b = try? c.decode(Bool.self) {
                self = .bool(b)
            } else if let n = try? c.decode(Double.self) {
                self = .number(n)
            } else if let s = try? c.decode(String.self) {
                self = .string(s)
            } else {
                self = .other  // an object or an array: a wrong type for every field here
            }
        }
    }

    private let object: [String: Value]

    init(_ object: [String: Value]) { self.object = object }

    /// Reads and parses the body; an empty body is an empty object when `optional`.
    static func read(_ request: Request, optional: Bool = false) async throws -> JSONBody {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBytes { throw APIError.tooLarge(maxBytes) }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maxBytes)
        } catch is NIOTooManyBytesError {
            throw APIError.tooLarge(maxBytes)
        } catch {
            throw APIError.invalidInput("the body could not be read")
        }
        if buffer.readableBytes == 0, optional { return JSONBody([:]) }
        if let type = request.headers[.contentType]?.lowercased(), !type.hasPrefix("application/json") {
            throw APIError.invalidInput("the body must be application/json")
        }
        return try parse(buffer.readableBytesView)
    }

    /// A body's bytes as an object: the flat reader for the common body, the decoder for the rest.
    static func parse(_ bytes: some Collection<UInt8>) throws -> JSONBody {
        if let flat = FlatJSONObject.parse(bytes) { return JSONBody(flat) }
        guard let parsed = try? JSONDecoder().decode([String: Value].self, from: Data(bytes)) else {
            throw APIError.invalidInput("the body must be a JSON object")
        }
        return JSONBody(parsed)
    }

    private func present(_ key: String, required: Bool) throws -> Value? {
        switch object[key] {
        case nil, .null?:
            if required { throw APIError.invalidInput("\(key) is required") }
            return nil
        case let value?: return value
        }
    }

    /// A text field; nil when absent or null (required: `invalid_input`).
    func string(_ key: String, required: Bool = false) throws -> String? {
        guard let value = try present(key, required: required) else { return nil }
        guard case .string(let s) = value else { throw APIError.invalidInput("\(key) must be a string") }
        guard !s.unicodeScalars.contains("\u{0}") else { throw APIError.invalidInput("\(key) must not contain a NUL character") }
        return s
    }

    /// A whole-number field; nil when absent or null.
    func int(_ key: String, required: Bool = false) throws -> Int? {
        guard let value = try present(key, required: required) else { return nil }
        guard case .number(let n) = value, n == n.rounded(), abs(n) < 1e15 else {
            throw APIError.invalidInput("\(key) must be a whole number")
        }
        return Int(n)
    }

    /// A true / false field; nil when absent or null.
    func bool(_ key: String) throws -> Bool? {
        guard let value = try present(key, required: false) else { return nil }
        guard case .bool(let b) = value else { throw APIError.invalidInput("\(key) must be true or false") }
        return b
    }

    /// The field as parsed (nil: not sent).
    func value(_ key: String) -> Value? { object[key] }

    /// Whether the field was sent, even as null (a PATCH that clears it).
    func sent(_ key: String) -> Bool { object[key] != nil }

    /// An id field ("12" or 12).
    func id(_ key: String, required: Bool = false) throws -> Int64? {
        guard let value = try present(key, required: required) else { return nil }
        if case .string(let s) = value, let id = Int64(s), id > 0 { return id }
        if case .number(let n) = value, n == n.rounded(), n > 0, n < 1e15 { return Int64(n) }
        throw APIError.invalidInput("\(key) must be an id")
    }
}
