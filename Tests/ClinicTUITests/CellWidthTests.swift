import ClinicCore
@_spi(Tooling) @testable import ClinicTUI
import ClinicTesting
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc

    /// The C library's wcwidth (Glibc's module map leaves it out).
    @_silgen_name("wcwidth") private func c_wcwidth(_ c: Int32) -> Int32
#endif

@Suite("Cell widths")
struct CellWidthTests {
    /// What ncurses and the terminal (tmux, xterm) give a code point: the C
    /// library's wcwidth under a UTF-8 locale, asked on this thread only.
    static func systemWidth(_ s: Unicode.Scalar) -> Int32? {
        #if canImport(Glibc)
            guard let utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil) else { return nil }
            defer { freelocale(utf8) }
            let previous = uselocale(utf8)
            defer { uselocale(previous) }
            return c_wcwidth(Int32(bitPattern: s.value))
        #else
            return nil
        #endif
    }

    @Test("every code point of the seed's names and of the test scripts takes the cells wcwidth gives it")
    func matchesTheCLibrary() throws {
        let scalars = ScriptCorpus.allScalars()
        #expect(scalars.count > 200)
        var checked = 0
        for s in scalars {
            let system = try #require(Self.systemWidth(s), "no UTF-8 locale to compare with")
            #expect(Int32(CharWidth.of(s)) == system, "U+\(String(s.value, radix: 16, uppercase: true)) \(s)")
            checked += 1
        }
        #expect(checked == scalars.count)
    }

    @Test("a grapheme takes the cells of what is sent for it: conjuncts, jamo, flags, emoji sequences, controls")
    func graphemes() {
        let cases: [(String, Int)] = [
            ("प्रि", 3), ("शर्मा", 4), ("\u{1100}\u{1161}\u{11A8}", 2), ("각", 2), ("🇵🇱", 2), ("👩🏽‍⚕️", 2), ("👍🏽", 2),
            ("❤️", 1), ("e\u{0301}", 1), ("中", 2), ("ا", 1), ("\u{200B}", 0), ("\u{202E}", 0), ("\u{1B}", 1), ("\r\n", 1),
        ]
        for (text, cells) in cases {
            #expect(CharWidth.of(text) == cells, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(text.reduce(0) { $0 + CharWidth.displayForm($1).reduce(0) { $0 + CharWidth.of($1) } } == cells)
        }
        // a ZWJ emoji sequence shows its first emoji; a control shows as �; bidi controls not at all
        #expect(CharWidth.displayForm("👩🏽‍⚕️") == ["👩"])
        #expect(CharWidth.displayForm("\u{1B}") == ["\u{FFFD}"])
        #expect(CharWidth.of("a\u{202E}b") == 2 && CharWidth.of("Dr İlkay शर्मा") == 13)
    }

    @Test("a wide character owns its cells: overwriting part of it leaves no half behind")
    func wideCells() {
        var b = CellBuffer(width: 10, height: 1)
        b.write("प्रिया", x: 1, y: 0, role: .normal)
        #expect(b.line(0) == " प्रिया    " && FrameCheck.badRows(b).isEmpty)
        b.write("X", x: 3, y: 0, role: .normal)  // inside प्रि (cells 1–3)
        #expect(FrameCheck.badRows(b).isEmpty && b.line(0).contains("X") && !b.line(0).contains("प्रि"))
        b.write("中文字", x: 8, y: 0, role: .normal)  // does not fit: cut with …
        #expect(FrameCheck.badRows(b).isEmpty && b.line(0).hasSuffix("…"))
    }
}
