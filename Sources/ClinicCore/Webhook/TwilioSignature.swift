import Foundation

/// Twilio's request signature (`X-Twilio-Signature`): base64 of HMAC-SHA1,
/// keyed by the auth token, over the full URL Twilio requested followed by
/// each POST parameter's name and value, names sorted (and, for a repeated
/// name, its distinct values sorted) by UTF-8 bytes, as the official
/// `RequestValidator` does.
public enum TwilioSignature {
    /// The signature of a request to `url` with form `parameters`.
    public static func compute(authToken: String, url: String, parameters: [(name: String, value: String)]) -> String {
        Data(digest(authToken: authToken, url: url, parameters: parameters)).base64EncodedString()
    }

    /// Whether `header` is a valid signature of the request, for the URL with
    /// and without its port, as Twilio's own validator accepts. Constant-time.
    public static func isValid(
        _ header: String?, authToken: String, url: String,
        parameters: [(name: String, value: String)]
    ) -> Bool {
        guard !authToken.isEmpty, let header, let given = Data(base64Encoded: header.trimmingCharacters(in: .whitespaces)),
            given.count == 20
        else { return false }
        let bytes = [UInt8](given)
        var valid = false
        for candidate in urlVariants(url) {
            // Every variant is checked, so the time does not say which one matched.
            valid = OpenSSL.constantTimeEqual(digest(authToken: authToken, url: candidate, parameters: parameters), bytes) || valid
        }
        return valid
    }

    /// The URL without any port and with its port (the scheme's default added
    /// when it has none): the two forms Twilio's validator tries.
    public static func urlVariants(_ url: String) -> [String] {
        guard let schemeEnd = url.range(of: "://") else { return [url] }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        let rest = url[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        let tail = rest[authorityEnd...]
        let prefix = url[..<schemeEnd.upperBound]
        // The port follows the last ':' outside an IPv6 literal's brackets.
        let hostEnd: Substring.Index
        if let bracket = authority.lastIndex(of: "]") {
            hostEnd = authority.index(after: bracket)
        } else {
            hostEnd = authority.firstIndex(of: ":") ?? authority.endIndex
        }
        let host = authority[..<hostEnd]
        let hasPort = hostEnd < authority.endIndex
        let withoutPort = prefix + host + tail
        let withPort = hasPort ? url : prefix + host + ":" + (scheme == "https" ? "443" : "80") + tail
        return withoutPort == withPort ? [url] : [String(withoutPort), String(withPort)]
    }

    static func digest(authToken: String, url: String, parameters: [(name: String, value: String)]) -> [UInt8] {
        var data = Array(url.utf8)
        var byName: [String: Set<String>] = [:]
        for p in parameters { byName[p.name, default: []].insert(p.value) }
        for name in byName.keys.sorted(by: utf8Less) {
            for value in byName[name]!.sorted(by: utf8Less) {
                data.append(contentsOf: name.utf8)
                data.append(contentsOf: value.utf8)
            }
        }
        return OpenSSL.hmacSHA1(key: Array(authToken.utf8), data: data)
    }

    /// Byte order of UTF-8 (= code point order), not Swift's `String <`.
    static func utf8Less(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
