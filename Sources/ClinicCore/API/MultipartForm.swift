/// The parts of a `multipart/form-data` body (RFC 7578), by field name:
/// enough for one file field. A body that does not follow the format is
/// `invalid_input`, never a crash.
struct MultipartForm {
    private(set) var parts: [String: [UInt8]] = [:]

    /// The boundary of a `multipart/form-data; boundary=…` content type.
    static func boundary(_ contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].hasPrefix("\"") && pair[1].hasSuffix("\"") && pair[1].count >= 2 ? String(pair[1].dropFirst().dropLast()) : pair[1]
                return (1...70).contains(value.utf8.count) ? value : nil
            }
        }
        return nil
    }

    init(_ body: [UInt8], boundary: String) throws {
        let delimiter = Array("--\(boundary)".utf8)
        var positions: [Int] = []
        var i = 0
        while let found = Self.find(delimiter, in: body, from: i) {
            positions.append(found)
            i = found + delimiter.count
        }
        guard positions.count >= 2 else { throw APIError.invalidInput("the body is not multipart/form-data with its boundary") }
        for (start, end) in zip(positions, positions.dropFirst()) {
            var partStart = start + delimiter.count
            guard partStart + 2 <= end, body[partStart] == 13, body[partStart + 1] == 10 else { continue }
            partStart += 2
            var partEnd = end
            if partEnd >= 2, body[partEnd - 2] == 13, body[partEnd - 1] == 10 { partEnd -= 2 }  // the CRLF before the delimiter
            guard let headEnd = Self.find([13, 10, 13, 10], in: body, from: partStart), headEnd <= partEnd else {
                throw APIError.invalidInput("a part of the form has no headers")
            }
            let head = String(decoding: body[partStart..<headEnd], as: UTF8.self)
            guard let name = Self.fieldName(head) else { continue }
            parts[name] = Array(body[(headEnd + 4)..<max(headEnd + 4, partEnd)])
        }
    }

    /// `name="…"` of a part's Content-Disposition.
    private static func fieldName(_ head: String) -> String? {
        for line in head.split(separator: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
            guard let range = line.range(of: "name=\"") else { return nil }
            let rest = line[range.upperBound...]
            return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, from <= haystack.count - needle.count else { return nil }
        var i = from
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == needle[0] && haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
