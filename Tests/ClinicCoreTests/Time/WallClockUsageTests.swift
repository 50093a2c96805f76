import Foundation
import Testing

/// STYLE rule 3: time is injected, never read. Only SystemClock.swift may read
/// the wall clock, sleep, or look at the machine's time zone.
@Suite("Only SystemClock reads the wall clock or the machine's zone")
struct WallClockUsageTests {
    static let allowed = "Sources/ClinicCore/Time/SystemClock.swift"

    /// What reading the clock or the machine's zone looks like in Swift.
    static let patterns: [(name: String, regex: String)] = [
        ("Date()", #"\bDate\s*\(\s*\)"#),
        ("Date.init()", #"\bDate\s*\.\s*init\s*\(\s*\)"#),
        ("Date.now", #"\bDate\s*\.\s*now\b"#),
        (": Date = .now", #":\s*Date\s*=\s*\.now\b"#),
        ("timeIntervalSinceNow", #"\btimeIntervalSinceNow\b"#),
        ("TimeZone.current", #"\bTimeZone\s*\.\s*(current|autoupdatingCurrent)\b"#),
        ("NSTimeZone.local/system/default", #"\bNSTimeZone\s*\.\s*(local|system|default)\b"#),
        ("Calendar.current", #"\bCalendar\s*\.\s*(current|autoupdatingCurrent)\b"#),
        ("Task.sleep", #"\bTask\s*\.\s*sleep\b"#),
        ("Thread.sleep", #"\bThread\s*\.\s*sleep\b"#),
    ]

    /// The package root, found by walking up from this file to Package.swift.
    static func packageRoot(from file: String = #filePath) throws -> URL {
        var dir = URL(fileURLWithPath: file).deletingLastPathComponent()
        while dir.path != "/" {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) { return dir }
            dir = dir.deletingLastPathComponent()
        }
        throw CocoaError(.fileNoSuchFile)
    }

    /// The names of the patterns a line of code matches; comments may talk about the clock.
    static func matches(_ line: String) throws -> [String] {
        let code = line.components(separatedBy: "//").first ?? ""
        let range = NSRange(code.startIndex..., in: code)
        return try patterns.filter { try NSRegularExpression(pattern: $0.regex).firstMatch(in: code, range: range) != nil }
            .map(\.name)
    }

    /// `relative path: pattern name (line n)` for every hit in the Swift files under `Sources/`.
    static func scan(root: URL) throws -> (files: [String], hits: [String]) {
        let sources = root.appendingPathComponent("Sources")
        var files: [String] = [], hits: [String] = []
        let walker = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let relative = String(url.path.dropFirst(root.path.count + 1))
            files.append(relative)
            let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
            for (number, line) in lines.enumerated() {
                hits += try matches(line).map { "\(relative): \($0) (line \(number + 1))" }
            }
        }
        return (files.sorted(), hits.sorted())
    }

    @Test("No file under Sources/ but SystemClock.swift reads the clock, sleeps or uses the machine's zone")
    func nothingElseReadsTheClock() throws {
        // Given every Swift file under the package's Sources/
        let root = try Self.packageRoot()
        // When each line of code is matched against the clock patterns
        let (files, hits) = try Self.scan(root: root)
        // Then the scan saw the core, and the only hits are in SystemClock.swift
        #expect(files.contains(Self.allowed))
        #expect(files.count > 20)
        let offending = hits.filter { !$0.hasPrefix(Self.allowed + ":") }
        #expect(offending.isEmpty, "read the injected ClinicClock / ClinicTimeZone instead:\n\(offending.joined(separator: "\n"))")
    }

    @Test("The scanner does find the patterns (it looks at SystemClock.swift)")
    func scannerWorks() throws {
        // Given SystemClock.swift, which legitimately says Date() and Task.sleep
        let (_, hits) = try Self.scan(root: try Self.packageRoot())
        let own = hits.filter { $0.hasPrefix(Self.allowed + ":") }
        // Then the scanner reports both, so an empty list elsewhere means something
        #expect(own.contains { $0.contains(": Date() ") })
        #expect(own.contains { $0.contains(": Task.sleep ") })
    }

    @Test("The patterns catch clock reads and leave the injected clock alone")
    func patternsOnSamples() throws {
        // Given lines that read the machine's clock or zone, then each is caught
        #expect(try Self.matches("let t = Date()") == ["Date()"])
        #expect(try Self.matches("let t: Date = .now") == [": Date = .now"])
        #expect(try Self.matches("if Date.now > x {") == ["Date.now"])
        #expect(try Self.matches("let z = TimeZone.current.identifier") == ["TimeZone.current"])
        #expect(try Self.matches("let z = NSTimeZone.local") == ["NSTimeZone.local/system/default"])
        #expect(try Self.matches("try await Task.sleep(for: .seconds(1))") == ["Task.sleep"])
        // Given lines that use the injected clock, or only mention the clock in a comment, then none is caught
        #expect(try Self.matches("let now = clock.now()").isEmpty)
        #expect(try Self.matches("let d = Date(timeIntervalSince1970: 0) // not Date()").isEmpty)
        #expect(try Self.matches("/// Never call Date() here").isEmpty)
    }
}
