import ClinicCore
@_spi(Tooling) @testable import ClinicTUI
import Testing

@Suite("Cell buffer and painters")
struct RenderingTests {
    @Test("text is written with its role and clipped to the buffer, with … where it was cut")
    func writeAndClip() {
        var b = CellBuffer(width: 10, height: 2)
        let end = b.write("Hello, world", x: 2, y: 1, role: .title)
        #expect(end == 10)
        #expect(b.line(1) == "  Hello, …")
        #expect(b[2, 1].role == .title && b[0, 1].role == .normal)
        b.write("x", x: 0, y: 5, role: .error)  // off the buffer: nothing
        #expect(b.text == "\n  Hello, …")
        // only text goes on past the edge: trailing spaces cut there leave no mark
        var c = CellBuffer(width: 6, height: 1)
        c.write("abc       ", x: 0, y: 0, role: .normal)
        #expect(c.line(0) == "abc   ")
        var d = CellBuffer(width: 6, height: 1)
        d.write("abcdef", x: 0, y: 0, role: .normal)
        #expect(d.line(0) == "abcdef")
    }

    @Test("wide characters take two cells and are never cut in half")
    func wideCharacters() {
        var b = CellBuffer(width: 7, height: 1)
        b.write("日本語", x: 0, y: 0, role: .normal)
        #expect(b.line(0) == "日本語 ")
        #expect(b[1, 0].isContinuation && !b[2, 0].isContinuation)
        b.write("a", x: 1, y: 0, role: .normal)  // over the right half of 日
        #expect(b.line(0) == " a本語 ")
        var narrow = CellBuffer(width: 3, height: 1)
        narrow.write("日本", x: 0, y: 0, role: .normal)
        #expect(narrow.line(0) == "日…")
    }

    @Test("widths: ASCII, accents, combining marks, CJK, emoji")
    func widths() {
        #expect(CharWidth.of("Søren Ølgaard") == 13)
        #expect(CharWidth.of("José") == 4)
        #expect(CharWidth.of("e\u{301}") == 1)
        #expect(CharWidth.of("田中") == 4)
        #expect(CharWidth.of("🩺") == 2)
        #expect(CharWidth.truncate("Oluwaseun Adeyemi", to: 8) == "Oluwase…")
        #expect(CharWidth.pad("ab", to: 4) == "ab  ")
    }

    @Test("boxes, wrapped paragraphs, fill and restyle")
    func painterHelpers() {
        var b = CellBuffer(width: 12, height: 4)
        Painter.box(&b, b.bounds, title: "Hi")
        #expect(b.line(0) == "┌─ Hi ─────┐")
        #expect(b.line(3) == "└──────────┘")
        #expect(Painter.wrap("the quick brown fox", width: 9) == ["the quick", "brown fox"])
        b.fill(Rect(x: 1, y: 1, width: 3, height: 1), role: .error)
        b.restyle(Rect(x: 1, y: 2, width: 2, height: 1), role: .selection)
        #expect(b[2, 1].role == .error && b[1, 2].role == .selection)
        #expect(b.role(of: "Hi") == .title)
    }
}
