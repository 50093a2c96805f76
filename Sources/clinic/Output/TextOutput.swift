import ClinicCore
import Foundation

/// The one way the CLI writes text for people (stdout lines, stderr lines):
/// through `StoredText.neutralised`, so a control or text-direction
/// character stored in the database, or echoed from what was typed, prints
/// as `�` and never moves the cursor, clears the screen or reorders a line.
/// (JSON has its own escaping, in `JSONOutput`.)
enum TextOutput {
    /// Prints `text` as one line: its own line breaks print as `�` too.
    static func line(_ text: String) {
        Swift.print(StoredText.neutralised(text))
    }

    /// Prints text made of several lines (a table whose cells are already
    /// neutralised, a fixed message): only line feeds are kept.
    static func block(_ text: String) {
        Swift.print(
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { StoredText.neutralised(String($0)) }.joined(separator: "\n"))
    }

    /// Writes a document made for people and files (the day sheet as text,
    /// CSV or iCalendar) as it is, its own line ends included; a control or
    /// text-direction character in it prints as `�` here too.
    static func document(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        FileHandle.standardOutput.write(Data(StoredText.neutralised(text, keepingLineBreaks: true).utf8))
    }

    /// Writes `text` as one line on stderr.
    static func errorLine(_ text: String) {
        FileHandle.standardError.write(Data((StoredText.neutralised(text) + "\n").utf8))
    }
}
