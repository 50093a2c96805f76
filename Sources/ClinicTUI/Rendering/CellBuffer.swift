import ClinicCore

/// A rectangle of the screen, in cells.
@_spi(Tooling) public struct Rect: Sendable, Equatable {
    var x: Int, y: Int, width: Int, height: Int
    init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }
    /// The rectangle shrunk by `n` cells on every side.
    func inset(_ n: Int) -> Rect { Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n) }
    /// A centred rectangle of at most this size.
    func centered(width w: Int, height h: Int) -> Rect {
        let cw = min(w, width), ch = min(h, height)
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }
}

/// One screen cell: a character (or the right half of a wide one) and its role.
struct Cell: Sendable, Equatable {
    var character: Character
    var role: ThemeRole
    /// The right half of a wide character painted in the cell to the left.
    var isContinuation: Bool
    static let blank = Cell(character: " ", role: .normal, isContinuation: false)
}

/// The in-memory screen that screens paint into; the terminal copies it out,
/// tests read its text.
@_spi(Tooling) public struct CellBuffer: Sendable, Equatable {
    let width: Int
    let height: Int
    private(set) var cells: [Cell]

    @_spi(Tooling) public init(width: Int, height: Int) {
        self.width = max(0, width); self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The whole buffer as a rectangle.
    @_spi(Tooling) public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

    /// Writes text at (x, y), clipped to `clip` (default: the buffer); returns the column after it.
    @discardableResult
    mutating func write(_ text: String, x: Int, y: Int, role: ThemeRole, clip: Rect? = nil) -> Int {
        let area = clip ?? bounds
        guard y >= area.y, y < area.y + area.height, y < height, y >= 0 else { return x }
        let limit = min(area.x + area.width, width)
        var col = x
        let utf8 = text.utf8
        var offset = text.startIndex
        while offset < text.endIndex {
            // A printable ASCII byte followed by another ASCII one (or by
            // nothing) is a character of one cell: no grapheme breaking needed.
            let c: Character, w: Int, after: String.Index
            let byte = utf8[offset], next = utf8.index(after: offset)
            if byte >= 0x20, byte < 0x7F, next == utf8.endIndex || utf8[next] < 0x80 {
                c = Character(Unicode.Scalar(byte)); w = 1; after = next
            } else {
                c = text[offset]; w = CharWidth.of(c); after = text.index(after: offset)
            }
            defer { offset = after }
            if w == 0 { continue }
            if col + w > limit {
                // Text that goes on past the edge says so: `…` in the last column.
                let edge = limit - 1
                if edge >= max(area.x, 0), edge >= x, text[offset...].contains(where: { !$0.isWhitespace }) {
                    clearWide(from: edge, through: edge, y: y)
                    cells[y * width + edge] = Cell(character: "…", role: role, isContinuation: false)
                }
                break
            }
            if col >= max(area.x, 0) {
                clearWide(from: col, through: col + w - 1, y: y)
                cells[y * width + col] = Cell(character: c, role: role, isContinuation: false)
                // A character wider than one cell (CJK, emoji, a Devanagari conjunct) owns the cells after it.
                for extra in 1..<max(1, w) {
                    cells[y * width + col + extra] = Cell(character: " ", role: role, isContinuation: true)
                }
            }
            col += w
        }
        return col
    }

    /// Fills a rectangle with spaces of a role.
    mutating func fill(_ rect: Rect, role: ThemeRole) {
        for y in max(0, rect.y)..<min(height, rect.y + rect.height) {
            for x in max(0, rect.x)..<min(width, rect.x + rect.width) {
                cells[y * width + x] = Cell(character: " ", role: role, isContinuation: false)
            }
        }
    }

    /// Sets the role of cells without changing their text (selection bars).
    mutating func restyle(_ rect: Rect, role: ThemeRole) {
        for y in max(0, rect.y)..<min(height, rect.y + rect.height) {
            for x in max(0, rect.x)..<min(width, rect.x + rect.width) { cells[y * width + x].role = role }
        }
    }

    /// A row's text (wide characters once, trailing spaces kept).
    func line(_ y: Int) -> String {
        var s = ""
        for x in 0..<width where !self[x, y].isContinuation { s.append(self[x, y].character) }
        return s
    }

    /// The whole buffer's text, rows joined by newlines, trailing spaces trimmed.
    var text: String {
        (0..<height).map { line($0).replacingTrailingSpaces() }.joined(separator: "\n")
    }

    /// Whether any row contains `needle`.
    func contains(_ needle: String) -> Bool { (0..<height).contains { line($0).contains(needle) } }

    /// The role of the first cell of the first occurrence of `needle`, if found.
    func role(of needle: String) -> ThemeRole? {
        for y in 0..<height {
            let l = line(y)
            guard let r = l.range(of: needle) else { continue }
            let col = CharWidth.of(String(l[l.startIndex..<r.lowerBound]))
            return self[col, y].role
        }
        return nil
    }

    /// Breaks wide characters that a write over cells `x...last` would cut:
    /// the part of one that starts before `x`, and continuation cells after `last`.
    private mutating func clearWide(from x: Int, through last: Int, y: Int) {
        guard x >= 0, x < width else { return }
        let row = y * width
        var start = x
        while start > 0, cells[row + start].isContinuation { start -= 1 }
        for i in start..<x { cells[row + i] = .blank }
        var end = last + 1
        while end < width, cells[row + end].isContinuation { cells[row + end] = .blank; end += 1 }
    }
}

extension String {
    func replacingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
