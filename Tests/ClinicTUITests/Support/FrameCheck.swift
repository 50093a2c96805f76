import ClinicCore
@_spi(Tooling) @testable import ClinicTUI

/// Checks that a painted row takes exactly the screen's width in cells: each
/// character's width is the cells it owns (itself plus continuation cells),
/// so what the terminal draws cannot run past or short of the edge.
enum FrameCheck {
    /// The row numbers whose cells do not add up, with what they add up to.
    static func badRows(_ buffer: CellBuffer) -> [(row: Int, cells: Int, text: String)] {
        var bad: [(Int, Int, String)] = []
        for y in 0..<buffer.height {
            var x = 0, total = 0, ok = true
            while x < buffer.width {
                let cell = buffer[x, y]
                if cell.isContinuation { ok = false; break }
                let w = CharWidth.of(cell.character)
                if w < 1 { ok = false; break }
                for extra in 1..<w where x + extra >= buffer.width || !buffer[x + extra, y].isContinuation { ok = false }
                total += w; x += w
            }
            if !ok || total != buffer.width { bad.append((y, total, buffer.line(y))) }
        }
        return bad
    }
}
