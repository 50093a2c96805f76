import Foundation

/// TwiML replies: `<Response><Message>…</Message></Response>`, or an empty
/// `<Response/>` when no SMS should go back.
public enum TwiML {
    /// The content type Twilio expects.
    public static let contentType = "text/xml; charset=utf-8"

    /// The XML document for an optional reply text.
    public static func document(_ message: String?) -> String {
        guard let message, !message.isEmpty else {
            return #"<?xml version="1.0" encoding="UTF-8"?><Response/>"#
        }
        return #"<?xml version="1.0" encoding="UTF-8"?><Response><Message>"# + escape(message) + "</Message></Response>"
    }

    /// Escapes the five XML special characters and drops the control
    /// characters XML 1.0 cannot carry.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The text of the first `<Message>` in a TwiML document, unescaped;
    /// "" for an empty `<Response/>`, nil when it is not TwiML.
    public static func message(in document: String) -> String? {
        if document.contains("<Response/>") { return "" }
        guard let open = document.range(of: "<Message>"), let close = document.range(of: "</Message>"),
            open.upperBound <= close.lowerBound
        else { return nil }
        return String(document[open.upperBound..<close.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
