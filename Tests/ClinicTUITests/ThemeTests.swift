import ClinicThemes
import Foundation
import Testing
@_spi(Tooling) @testable import ClinicTUI

@Suite("Themes")
struct ThemeTests {
    @Test("every shipped theme loads and sets every role")
    func shippedThemesLoad() throws {
        for name in ThemeFiles.names {
            let theme = try Theme.load(name)
            #expect(theme.name == name)
            #expect(Set(theme.styles.keys) == Set(ThemeRole.allCases))
        }
        #expect(ThemeFiles.names.count >= 4)
    }

    @Test("the mono theme uses no colour and the default theme does in 256 colours")
    func colourValues() throws {
        let mono = try Theme.load("mono"), standard = try Theme.load("default")
        #expect(ThemeRole.allCases.allSatisfy { mono[$0].fg256 == -1 && mono[$0].bg8 == -1 })
        let colours = try #require(standard[.selection].colors(in: .colors256))
        #expect(colours.fg == 16 && colours.bg == 153)
        #expect(standard[.selection].colors(in: .mono) == nil)
        #expect(standard[.selection].attributes(in: .mono) == .reverse)
    }

    @Test("an unknown role is a file:line error")
    func unknownRole() {
        let text = "normal fg=1\n\n# comment\nselektion fg=2\n"
        #expect(throws: ThemeError(location: "x.theme:4", message: "unknown role 'selektion'")) {
            try ThemeParser.parse(text, file: "x.theme", name: "x")
        }
    }

    @Test("unknown keys, bad colours and bad attributes name their line")
    func badValues() {
        for (line, expected) in [
            ("normal colour=3", "unknown key 'colour'"), ("normal fg=300", "not a 256-colour value"),
            ("normal fg8=pink", "not one of the 8 colours"), ("normal mono=blink", "unknown attribute 'blink'"),
            ("normal fg", "expected key=value"),
        ] {
            do {
                _ = try ThemeParser.parse("# t\n" + line, file: "t.theme", name: "t")
                Issue.record("\(line) was accepted")
            } catch let error as ThemeError {
                #expect(error.location == "t.theme:2")
                #expect(error.message.contains(expected), "\(error.message)")
            } catch { Issue.record("\(error)") }
        }
    }

    @Test("a theme missing roles is refused, naming them")
    func missingRoles() {
        #expect(throws: ThemeError.self) { try ThemeParser.parse("normal fg=1", file: "m.theme", name: "m") }
    }

    @Test("a theme file by path, and an unknown name")
    func loadByPath() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent("mine.theme")
        let text = ThemeRole.allCases.map { "\($0.rawValue) fg=1 bg=2 fg8=red bg8=default attrs=bold mono=underline" }.joined(separator: "\n")
        try text.write(to: url, atomically: true, encoding: .utf8)
        let theme = try Theme.load(url.path)
        #expect(theme[.error].fg256 == 1 && theme[.error].fg8 == 1 && theme[.error].mono == .underline)
        #expect(throws: ThemeError.self) { try Theme.load("no-such-theme") }
    }

    @Test("NO_COLOR and the terminal's colours choose the mode")
    func colourMode() {
        #expect(Terminal.detectMode(environment: ["NO_COLOR": "1"], hasColors: true, colors: 256) == .mono)
        #expect(Terminal.detectMode(environment: [:], hasColors: true, colors: 256) == .colors256)
        #expect(Terminal.detectMode(environment: [:], hasColors: true, colors: 8) == .colors8)
        #expect(Terminal.detectMode(environment: [:], hasColors: false, colors: 0) == .mono)
        #expect(Terminal.detectMode(environment: ["NO_COLOR": ""], hasColors: true, colors: 8) == .colors8)
    }
}
