import ClinicTesting
import ClinicCore
import Testing
@_spi(Tooling) @testable import ClinicTUI

@Suite("Text fields in every script")
struct TextFieldScriptTests {
    /// The field's value as a plain model predicts it: text goes in at the
    /// cursor's character, Backspace and Delete take one character.
    struct Model {
        var value = ""
        let limit: Int

        mutating func type(_ text: String, at k: Int) {
            var text = text
            if k == 0 { text = String(text.unicodeScalars.drop { TextField.joinsPrevious($0) }) }
            let room = limit - value.unicodeScalars.count
            var kept = "", used = 0
            for c in text {
                if used + c.unicodeScalars.count > room { break }
                kept.append(c); used += c.unicodeScalars.count
            }
            value = String(value.prefix(k)) + kept + String(value.dropFirst(k))
        }

        mutating func remove(at k: Int) {
            var chars = Array(value)
            guard chars.indices.contains(k) else { return }
            chars.remove(at: k)
            value = String(chars)
        }
    }

    /// Random typing (code point by code point, as a terminal sends it) and
    /// edits in the middle; after every step the value is what the model says.
    @Test("random text in every script, typed and edited anywhere, is stored as typed", arguments: [1, 2, 3, 4, 5, 6, 7, 8])
    func randomEditing(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var field = TextField("Name", maxLength: 200)
        var model = Model(limit: 200)
        for _ in 0..<300 {
            let k = field.cursor
            switch Int.random(in: 0..<10, using: &rng) {
            case 0..<4:
                let text = ScriptCorpus.mix(Int.random(in: 1...3, using: &rng), using: &rng)
                for s in text.unicodeScalars { _ = field.handle(.char(Character(s))) }
                // typed code point by code point, a piece may join what is before or after it
                model.value = field.value
            case 4:
                let text = ScriptCorpus.pieces.randomElement(using: &rng)!
                _ = field.handle(.paste(text)); model.type(text, at: k)
            case 5: _ = field.handle(.backspace); if k > 0 { model.remove(at: k - 1) }
            case 6: _ = field.handle(.delete); model.remove(at: k)
            case 7: _ = field.handle(.left)
            case 8: _ = field.handle(.right)
            default: _ = field.handle(Bool.random(using: &rng) ? .home : .end)
            }
            #expect(Array(field.value.unicodeScalars) == Array(model.value.unicodeScalars))
            #expect(field.cursor >= 0 && field.cursor <= field.value.count)
            #expect(field.value.unicodeScalars.count <= 200)
        }
    }

    @Test("typing a piece code point by code point at the end stores exactly that piece, and the cursor is after it")
    func typedAsIs() {
        for piece in ScriptCorpus.pieces + ScriptCorpus.crashers {
            var field = TextField("Name", maxLength: 200)
            for s in piece.unicodeScalars { _ = field.handle(.char(Character(s))) }
            #expect(Array(field.value.unicodeScalars) == Array(piece.unicodeScalars), "\(piece)")
            #expect(field.cursorAtEnd && field.cursor == piece.count, "\(piece)")
            // each arrow step is one whole character; Backspace at the end removes the last one
            for _ in 0..<piece.count { _ = field.handle(.left) }
            #expect(field.cursor == 0)
            _ = field.handle(.end); _ = field.handle(.backspace)
            #expect(field.value == String(piece.dropLast()), "\(piece)")
        }
    }

    @Test("typing inside a name edits at the cursor: a letter before a conjunct, a flag between letters")
    func middleEdits() {
        var field = TextField("Name")
        for s in "शर्मा".unicodeScalars { _ = field.handle(.char(Character(s))) }
        _ = field.handle(.home); _ = field.handle(.right)
        for s in "🇵🇱".unicodeScalars { _ = field.handle(.char(Character(s))) }
        #expect(field.value == "श🇵🇱र्मा" && field.cursor == 2)
        _ = field.handle(.char("x"))
        #expect(field.value == "श🇵🇱xर्मा" && field.cursor == 3)
        _ = field.handle(.backspace); _ = field.handle(.backspace)
        #expect(field.value == "शर्मा" && field.cursor == 1)
    }

    @Test("a paste goes in at once: one line, without controls or bidi overrides, cut at the limit by whole characters")
    func paste() {
        var field = TextField("Reason", maxLength: 500)
        _ = field.handle(.paste("Chest pain\r\nsince\tMonday \u{202E}evil\u{1B}[2J"))
        #expect(field.value == "Chest pain since Monday evil[2J")
        var long = TextField("Reason", maxLength: 500)
        _ = long.handle(.paste(String(repeating: "प्रि", count: 3_000)))
        #expect(long.value.unicodeScalars.count == 500 && long.value.count == 125 && long.cursorAtEnd)
        var typedControl = TextField("Name")
        _ = typedControl.handle(.char("\u{1B}")); _ = typedControl.handle(.char("\u{202E}"))
        #expect(typedControl.value.isEmpty && !typedControl.edited)
    }
}
