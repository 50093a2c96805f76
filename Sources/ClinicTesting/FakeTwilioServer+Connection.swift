import ClinicCore
import Foundation
#if canImport(Glibc)
    import Glibc
#endif

extension FakeTwilioServer {
    /// Reads one request, records it, and answers as scripted.
    func handle(_ fd: Int32) {
        defer { close(fd) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard let request = readRequest(fd) else { return }
        let reply = nextReply()
        condition.withLock {
            recorded.append(request)
            condition.broadcast()
        }
        switch reply {
        case .created:
            let sid = newSID()
            respond(
                fd, status: 201, reason: "Created",
                body: #"{"sid":"\#(sid)","status":"queued","to":"\#(request.form["To"] ?? "")"}"#)
        case .error(let status, let code, let message):
            respond(
                fd, status: status, reason: "Error",
                body: #"{"code":\#(code),"message":"\#(message)","more_info":"https://www.twilio.com/docs/errors/\#(code)","status":\#(status)}"#)
        case .serverError:
            respond(fd, status: 500, reason: "Internal Server Error", body: "<html>oops</html>", type: "text/html")
        case .hang:
            condition.withLock {
                let generation = hangGeneration
                while hangGeneration == generation { condition.wait() }
            }
        }
    }

    private func readRequest(_ fd: Int32) -> FakeTwilioRequest? {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        var headerEnd: Range<Data.Index>?
        while headerEnd == nil {
            let n = recv(fd, &buffer, buffer.count, 0)
            guard n > 0 else { return nil }
            data.append(buffer, count: n)
            headerEnd = data.range(of: Data("\r\n\r\n".utf8))
        }
        let head = String(decoding: data[..<headerEnd!.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        if headers["expect"]?.lowercased() == "100-continue" { sendAll(fd, Data("HTTP/1.1 100 Continue\r\n\r\n".utf8)) }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        var body = Data(data[headerEnd!.upperBound...])
        while body.count < length {
            let n = recv(fd, &buffer, buffer.count, 0)
            guard n > 0 else { return nil }
            body.append(buffer, count: n)
        }
        guard let form = decodeForm(body) else {
            // What Twilio answers a body it cannot read: a 400 the client records as a permanent failure.
            respond(fd, status: 400, reason: "Bad Request", body: #"{"code":21000,"message":"malformed form body","status":400}"#)
            return nil
        }
        var username: String?, password: String?
        if let auth = headers["authorization"], auth.hasPrefix("Basic "),
            let decoded = Data(base64Encoded: String(auth.dropFirst(6))).map({ String(decoding: $0, as: UTF8.self) }),
            let colon = decoded.firstIndex(of: ":")
        {
            username = String(decoded[..<colon]); password = String(decoded[decoded.index(after: colon)...])
        }
        return FakeTwilioRequest(
            method: String(requestLine[0]), path: String(requestLine[1]), username: username,
            password: password, form: form)
    }

    /// The listener's own strict parser: a body the fake cannot parse is one
    /// our client should never have sent, so it is answered 400 and not recorded.
    private func decodeForm(_ body: Data) -> [String: String]? {
        guard let form = try? FormBody(bytes: body) else { return nil }
        return Dictionary(form.pairs.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    private func respond(_ fd: Int32, status: Int, reason: String, body: String, type: String = "application/json") {
        let bytes = Data(body.utf8)
        let head = "HTTP/1.1 \(status) \(reason)\r\nContent-Type: \(type)\r\nContent-Length: \(bytes.count)\r\nConnection: close\r\n\r\n"
        sendAll(fd, Data(head.utf8) + bytes)
    }

    private func sendAll(_ fd: Int32, _ data: Data) {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if n <= 0 { return }
                offset += n
            }
        }
    }
}
