import CCurl
import Foundation

/// What an HTTP server answered.
struct HTTPResponse: Sendable {
    let status: Int
    let body: Data
}

/// Why no answer came.
enum HTTPTransportError: Error, Sendable {
    /// The connect or the whole request took longer than allowed.
    case timeout(String)
    /// Anything else (refused connection, DNS, TLS…).
    case transport(String)
}

/// A blocking HTTP POST of a form over libcurl: the only Swift file that
/// imports `CCurl`. Call it from a dedicated thread (it blocks up to the timeout).
enum CurlHTTP {
    private static let globalInit: Void = { _ = curl_global_init(clinic_CURL_GLOBAL_DEFAULT) }()

    /// POSTs `form` (application/x-www-form-urlencoded) to `url` with HTTP basic auth.
    static func postForm(
        url: String, form: [(String, String)], username: String, password: String,
        connectTimeout: Double, totalTimeout: Double
    ) -> Result<HTTPResponse, HTTPTransportError> {
        _ = globalInit
        guard let handle = curl_easy_init() else { return .failure(.transport("curl_easy_init failed")) }
        defer { curl_easy_cleanup(handle) }
        let buffer = ResponseBuffer()

        _ = clinic_curl_setopt_string(handle, CURLOPT_URL, url)
        _ = clinic_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = clinic_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(connectTimeout * 1000))
        _ = clinic_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(totalTimeout * 1000))
        _ = clinic_curl_setopt_long(handle, CURLOPT_HTTPAUTH, clinic_CURLAUTH_BASIC)
        _ = clinic_curl_setopt_string(handle, CURLOPT_USERNAME, username)
        _ = clinic_curl_setopt_string(handle, CURLOPT_PASSWORD, password)
        _ = clinic_curl_setopt_string(handle, CURLOPT_USERAGENT, "clinic/1")
        _ = clinic_curl_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, FormEncoding.encode(form))
        return perform(handle, into: buffer)
    }

    fileprivate final class ResponseBuffer {
        var data = Data()
    }

    /// Collects the body into `buffer`, performs the request and maps the outcome.
    fileprivate static func perform(_ handle: UnsafeMutableRawPointer, into buffer: ResponseBuffer) -> Result<HTTPResponse, HTTPTransportError> {
        let unmanaged = Unmanaged.passRetained(buffer)
        defer { unmanaged.release() }
        _ = clinic_curl_setopt_write_function(handle) { ptr, size, count, userdata in
            guard let ptr, let userdata else { return 0 }
            let n = size * count
            Unmanaged<ResponseBuffer>.fromOpaque(userdata).takeUnretainedValue()
                .data.append(UnsafeRawPointer(ptr).assumingMemoryBound(to: UInt8.self), count: n)
            return n
        }
        _ = clinic_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, unmanaged.toOpaque())
        let code = curl_easy_perform(handle)
        guard code == CURLE_OK else {
            let text = String(cString: curl_easy_strerror(code))
            return .failure(code == CURLE_OPERATION_TIMEDOUT ? .timeout(text) : .transport(text))
        }
        var status = 0
        _ = clinic_curl_response_code(handle, &status)
        return .success(HTTPResponse(status: status, body: buffer.data))
    }
}

/// application/x-www-form-urlencoded, as Twilio expects it.
public enum FormEncoding {
    private static let unreserved = CharacterSet(
        charactersIn:
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// Encodes pairs in order as `a=1&b=2`, percent-encoding everything but unreserved characters.
    public static func encode(_ pairs: [(String, String)]) -> String {
        pairs.map { escape($0.0) + "=" + escape($0.1) }.joined(separator: "&")
    }

    private static func escape(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: unreserved) ?? s
    }
}

extension CurlHTTP {
    /// POSTs a raw body with extra headers (`Name: value`), no auth; used by
    /// `clinic sms simulate` to send a signed request to the listener.
    static func post(url: String, body: String, headers: [String], totalTimeout: Double) -> Result<HTTPResponse, HTTPTransportError> {
        _ = globalInit
        guard let handle = curl_easy_init() else { return .failure(.transport("curl_easy_init failed")) }
        defer { curl_easy_cleanup(handle) }
        var list: UnsafeMutablePointer<curl_slist>?
        for header in headers { list = curl_slist_append(list, header) }
        defer { curl_slist_free_all(list) }
        let buffer = ResponseBuffer()
        _ = clinic_curl_setopt_string(handle, CURLOPT_URL, url)
        _ = clinic_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = clinic_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(totalTimeout * 1000))
        _ = clinic_curl_setopt_string(handle, CURLOPT_USERAGENT, "clinic/1")
        _ = clinic_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, list)
        _ = clinic_curl_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, body)
        return perform(handle, into: buffer)
    }
}
