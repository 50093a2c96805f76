import ClinicCore

extension Painter {
    /// Text wrapped to `width` cells with nothing left out (an SMS body shown
    /// whole): lines break at spaces, and a word wider than a line breaks
    /// between characters (grapheme clusters, never inside one: a Devanagari
    /// conjunct, a Hangul syllable, an emoji ZWJ sequence stays whole), each
    /// measured in cells by `CharWidth`. Line breaks in the text are kept (CR LF too); tabs read as spaces.
    static func wrapWhole(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            var line = "", used = 0
            for word in paragraph.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                let w = CharWidth.of(String(word))
                if used > 0, used + 1 + w <= width {
                    line += " " + word; used += 1 + w
                    continue
                }
                if used > 0 { lines.append(line); line = ""; used = 0 }
                if w <= width { line = String(word); used = w; continue }
                for c in word {  // a word longer than the line: cut between characters
                    let cw = CharWidth.of(c)
                    if used > 0, used + cw > width { lines.append(line); line = ""; used = 0 }
                    line.append(c); used += cw
                }
            }
            lines.append(line)
        }
        return lines
    }
}
