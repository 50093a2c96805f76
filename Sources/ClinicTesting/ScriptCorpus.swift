import Foundation

/// Text in the scripts a clinic meets, for the typing and painting tests:
/// every script of the seed's word lists plus the cases terminals disagree on.
public enum ScriptCorpus {
    /// Whole words and sequences, each typed code point by code point.
    public static let pieces: [String] = [
        "शर्मा", "प्रिया", "क्षत्रिय", "İlkay", "Ó Súilleabháin", "René", "Zoe\u{0308}", "Łukasz", "Ærøskøbing",
        "김민준", "\u{1100}\u{1161}\u{11A8}", "\u{1100}\u{1161}", "李小龙", "さくら", "カタカナ", "ｶﾀｶﾅ", "ＡＢＣ",
        "محمد", "عَلِيّ", "שָׁלוֹם", "Ελένη", "Дмитрий", "ქეთევან", "Նարեկ", "สมชาย", "தமிழ்", "বাংলা", "ગુજરાતી",
        "👩🏽‍⚕️", "👨‍👩‍👧‍👦", "🇵🇱", "🇵🇱x", "🇯🇵🇰🇷", "👍🏽", "❤️", "1️⃣", "🏴‍☠️", "🧑🏿‍🦱",
        "a\u{200B}b", "x\u{200D}y", "ن\u{200C}ه", "\u{200E}ltr", "e\u{0301}\u{0323}", " ", "O'Brien-Smith",
    ]

    /// The names of item 1 of the robustness issue (they crashed the kiosk).
    public static let crashers = ["शर्मा", "🇵🇱a", "👩🏽‍⚕️", "\u{1100} \u{1161} \u{11A8}", "Dr İlkay शर्मा"]

    /// Every code point of the corpus and of the seed's name files.
    public static func allScalars() -> Set<Unicode.Scalar> {
        var all = Set(pieces.joined().unicodeScalars)
        let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Seed")
        for file in ["first_names.txt", "last_names.txt", "specializations.txt", "reasons.txt"] {
            if let text = try? String(contentsOf: seed.appendingPathComponent(file), encoding: .utf8) {
                all.formUnion(text.unicodeScalars.filter { $0 != "\n" })
            }
        }
        return all
    }

    /// A random mix of pieces, `count` of them.
    public static func mix<G: RandomNumberGenerator>(_ count: Int, using rng: inout G) -> String {
        (0..<count).map { _ in pieces.randomElement(using: &rng)! }.joined()
    }
}
