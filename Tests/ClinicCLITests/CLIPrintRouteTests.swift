import Foundation
import Testing

/// Every line the CLI prints for people goes through `TextOutput` (which
/// neutralises control and text-direction characters) or `JSONOutput` (which
/// escapes them): a bare `print(` or a raw stderr write in a command would
/// put stored text on the terminal as it is.
@Suite("CLI text goes through TextOutput")
struct CLIPrintRouteTests {
    /// Files that may write to the terminal directly: the two printers, and the progress bar (fixed text).
    static let allowed = ["TextOutput.swift", "JSONOutput.swift", "ProgressDisplay.swift"]

    static func packageRoot(from file: String = #filePath) throws -> URL {
        var dir = URL(fileURLWithPath: file).deletingLastPathComponent()
        while dir.path != "/" {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) { return dir }
            dir = dir.deletingLastPathComponent()
        }
        throw CocoaError(.fileNoSuchFile)
    }

    /// Whether a line of code prints or writes to stdout / stderr itself.
    static func printsDirectly(_ line: String) throws -> Bool {
        let code = line.components(separatedBy: "//").first ?? ""
        let pattern = #"(^|[^.\w])(?<!func )print\(|Swift\.print\(|standardError\.write|standardOutput\.write|\bputs\(|\bfputs\("#
        return try NSRegularExpression(pattern: pattern).firstMatch(in: code, range: NSRange(code.startIndex..., in: code)) != nil
    }

    @Test("No file of the clinic executable prints but the printers")
    func onlyThePrintersPrint() throws {
        let folder = try Self.packageRoot().appendingPathComponent("Sources/clinic")
        var scanned = 0, hits: [String] = []
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            guard url.pathExtension == "swift", !Self.allowed.contains(url.lastPathComponent) else { continue }
            scanned += 1
            for (n, line) in try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n").enumerated()
            where try Self.printsDirectly(line) {
                hits.append("\(url.lastPathComponent):\(n + 1): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(scanned > 15)
        #expect(hits.isEmpty, "print through TextOutput.line / .block / .errorLine:\n\(hits.joined(separator: "\n"))")
    }

    @Test("The scanner catches printing and leaves the printers' callers alone")
    func patterns() throws {
        #expect(try Self.printsDirectly(#"    print("booked \(code)")"#))
        #expect(try Self.printsDirectly(#"Swift.print(text)"#))
        #expect(try Self.printsDirectly(#"FileHandle.standardError.write(Data(line.utf8))"#))
        #expect(try !Self.printsDirectly(#"TextOutput.line("booked \(code)")"#))
        #expect(try !Self.printsDirectly(#"JSONOutput.print(["a": 1])"#))
        #expect(try !Self.printsDirectly(#"AppointmentPrinter.print(a, ctx: ctx)"#))
        #expect(try !Self.printsDirectly(#"/// print(x) in a comment"#))
        #expect(try !Self.printsDirectly(#"    static func print(_ a: Appointment) {"#))
    }
}
