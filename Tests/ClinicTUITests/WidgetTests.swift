import ClinicCore
import Testing
@_spi(Tooling) @testable import ClinicTUI

@Suite("Widgets")
struct WidgetTests {
    @Test("a list moves, clamps and scrolls to keep the selection visible")
    func listScrolling() {
        var list = ListState(count: 20)
        let used1 = list.handle(.down, page: 5); #expect(used1 && list.selected == 1)
        let used2 = list.handle(.char("k"), page: 5); #expect(used2 && list.selected == 0)
        let used3 = list.handle(.up, page: 5); #expect(used3 && list.selected == 0)
        _ = list.handle(.end, page: 5)
        list.scroll(height: 5)
        #expect(list.selected == 19 && list.top == 15)
        _ = list.handle(.pageUp, page: 5)
        list.scroll(height: 5)
        #expect(list.selected == 14 && list.top == 14)
        list.reset(count: 3)
        #expect(list.selected == 2)
        let used4 = list.handle(.char("x"), page: 5); #expect(!used4)
    }

    @Test("a table paints headings, the selection and a position mark when it scrolls")
    func tablePainting() {
        var b = CellBuffer(width: 30, height: 4)
        var list = ListState(count: 5, selected: 3)
        TablePainter.paint(
            (1...5).map { TableRow(["row \($0)", "x"]) }, columns: [Column("Name", width: 10), Column("V")],
            state: &list, into: &b, rect: b.bounds)
        #expect(b.line(0).hasPrefix(" Name       V"))
        #expect(b.contains("▸row 4"))
        #expect(b.role(of: "▸row 4") == .selection)
        #expect(b.contains("4/5"))
        var empty = ListState()
        var e = CellBuffer(width: 30, height: 3)
        TablePainter.paint([], columns: nil, state: &empty, into: &e, rect: e.bounds, empty: "Nothing yet")
        #expect(e.line(0).hasPrefix("Nothing yet") && e.role(of: "Nothing") == .dim)
    }

    @Test("a text field edits at the cursor, masks passwords and clears its error on edit")
    func textField() {
        var f = TextField("Password", masked: true, maxLength: 5)
        for c in "secret" { _ = f.handle(.char(c)) }
        #expect(f.value == "secre" && f.shown == "•••••")
        _ = f.handle(.left); _ = f.handle(.backspace)
        #expect(f.value == "sece" && f.cursor == 3)
        f.error = "too short"
        _ = f.handle(.home); _ = f.handle(.delete)
        #expect(f.error == nil && f.edited)
        _ = f.handle(.ctrl("u"))
        #expect(f.value.isEmpty)
        let used5 = f.handle(.enter); #expect(!used5)
    }

    @Test("combining accents typed after a letter join it (René, Zoë), at the end and mid-word; alone they are ignored")
    func combiningAccents() {
        var field = TextField("Name")
        for key: Key in [.char("R"), .char("e"), .char("n"), .char("e"), .char("\u{0301}"), .char(" "), .char("Z"), .char("o"), .char("e"), .char("\u{0308}")] {
            _ = field.handle(key)
        }
        #expect(field.value == "Rene\u{0301} Zoe\u{0308}" && field.value == "René Zoë" && field.cursor == 8)
        _ = field.handle(.home); _ = field.handle(.right)
        _ = field.handle(.char("\u{0301}"))  // Ŕ
        #expect(field.value.count == 8 && field.cursor == 1 && field.value.hasPrefix("R\u{0301}e"))
        var empty = TextField("Name")
        _ = empty.handle(.char("\u{0301}"))
        #expect(empty.value.isEmpty)
    }

    @Test("a form moves focus with Tab and Shift-Tab and shows field errors under the field")
    func form() {
        var form = Form([TextField("Name"), TextField("Email")])
        _ = form.handle(.char("A"))
        let used6 = form.handle(.tab); #expect(used6 && form.focus == 1)
        let used7 = form.handle(.backTab); #expect(used7 && form.focus == 0)
        form.setErrors([1: "not an email"])
        #expect(form.focus == 1 && form.isEdited)
        var b = CellBuffer(width: 60, height: 4)
        FormPainter.paint(form, into: &b, rect: b.bounds)
        #expect(b.line(0).hasPrefix("Name              A"))
        #expect(b.contains("✗ not an email"))
        #expect(b.role(of: "✗ not an email") == .error)
    }

    @Test("dialog, status line, footer and help paint from their data")
    func chrome() {
        var b = CellBuffer(width: 80, height: 24)
        DialogPainter.paint(Dialog(title: "Quit?", message: "Unsaved text will be lost.", answers: "y quit"), into: &b, area: b.bounds)
        #expect(b.contains("Quit?") && b.contains("Unsaved text will be lost.") && b.contains("y quit"))
        StatusLinePainter.paint(
            StatusInfo(
                clinicName: "Clinic", screenTitle: "Home", user: "Ana (doctor)",
                localTime: "Mon 2 Mar 2026 07:00", services: "scheduler off"), into: &b, row: 0)
        #expect(b.line(0).hasPrefix(" Clinic · Home"))
        #expect(b.line(0).hasSuffix("Ana (doctor) · scheduler off · Mon 2 Mar 2026 07:00 "))
        let hints = [Binding([.enter], 1, "open").hint, Binding([.char("x")], 2, "cancel").hint, Binding([.char("z")], 3, "hidden", footer: false).hint]
        FooterPainter.paint(hints, into: &b, row: 23)
        #expect(b.line(23).hasPrefix("Enter open  x cancel"))
        #expect(!b.line(23).contains("hidden"))
        HelpPainter.paint(title: "Home", hints: hints, into: &b, area: b.bounds)
        #expect(b.contains("Keys: Home") && b.contains("hidden"))
    }

    @Test("a disabled key: dimmed in the footer and the first to go when short of room; help says why; a press finds the reason")
    func disabledKeys() {
        let refused = Binding([.char("u")], 2, "undo check-in", decision: .refused(.invalidTransition, "the appointment is not checked in"))
        let notYours = Binding([.char("d")], 3, "mark completed", decision: .refused(.forbidden, "you may not complete it"))
        let list = [Binding([.enter], 1, "open"), refused, notYours, Binding([.char("x")], 4, "cancel", decision: .allowed)]
        #expect(!notYours.hint.inFooter && refused.hint.inFooter && list[3].isEnabled)
        var b = CellBuffer(width: 80, height: 24)
        FooterPainter.paint(list.hints(), into: &b, row: 23)
        #expect(b.line(23).hasPrefix("Enter open  u undo check-in  x cancel") && b.role(of: "u undo") == .dim && b.role(of: "x cancel") == .footerKey)
        var narrow = CellBuffer(width: 24, height: 24)
        FooterPainter.paint(list.hints(), into: &narrow, row: 23)
        #expect(narrow.line(23).hasPrefix("Enter open  x cancel"), "the working keys keep their room")
        HelpPainter.paint(title: "Visit", hints: list.hints(), into: &b, area: Rect(x: 0, y: 0, width: 40, height: 24))
        #expect(b.contains("undo check-in (the") && b.contains("       appointment is not checked") && b.contains("mark completed (you"), "\(b.text)")
        #expect(list.action(for: .char("u")) == nil && list.action(for: .char("x")) == 4)
        guard case .refused(let why)? = list.match(.char("u")) else { Issue.record("u is refused"); return }
        #expect(why == "the appointment is not checked in")
        guard case .action(4)? = list.match(.char("x")) else { Issue.record("x works"); return }
        #expect(list.match(.char("z")) == nil)
    }

    @Test("bindings find the action of a key")
    func bindings() {
        let list = [Binding([.char("a"), .enter], "open", "open"), Binding([.escape], "back", "back")]
        #expect(list.action(for: .enter) == "open")
        #expect(list.action(for: .escape) == "back")
        #expect(list.action(for: .char("z")) == nil)
        #expect(list[0].hint.keys == "a/Enter")
    }

    @Test("terminal key codes decode to keys")
    func keyDecoding() {
        #expect(Terminal.decode(scalar: 13) == .enter)
        #expect(Terminal.decode(scalar: 27) == .escape)
        #expect(Terminal.decode(scalar: 127) == .backspace)
        #expect(Terminal.decode(scalar: 3) == .ctrl("c"))
        #expect(Terminal.decode(scalar: 0xE9) == .char("é"))
        #expect(Key.ctrl("q").label == "Ctrl-Q")
    }
}

/// The footer at 80 columns: the screen's own keys first, the app's after;
/// what does not fit goes from the end, and `?` says there is more.
@Suite("Footer order")
struct FooterOrderTests {
    @Test("the board's own keys come before back and quit, and ? reads more when some are left out")
    func screenKeysFirst() {
        let screen = ["c check in", "u undo check-in", "r move", "x cancel", "n new visit", "m SMS panel", "[ ] t day"].map {
            KeyHint(keys: String($0.split(separator: " ")[0]), label: $0.split(separator: " ").dropFirst().joined(separator: " "))
        }
        let app = [KeyHint(keys: "Esc", label: "back"), KeyHint(keys: "q/Ctrl-Q", label: "quit")]
        let help = KeyHint(keys: "?/F1", label: "help")
        var b = CellBuffer(width: 80, height: 24)
        FooterPainter.paint(screen + app, help: help, into: &b, row: 23)
        let line = b.line(23)
        #expect(line.hasPrefix("c check in  u undo check-in  r move  x cancel  n new visit  ?/F1 more"), "\(line)")
        #expect(line.contains("?/F1 more") && !line.contains("quit"), "\(line)")
        var wide = CellBuffer(width: 160, height: 24)
        FooterPainter.paint(screen + app, help: help, into: &wide, row: 23)
        #expect(wide.line(23).contains("Esc back  q/Ctrl-Q quit  ?/F1 help"), "\(wide.line(23))")
    }
}
