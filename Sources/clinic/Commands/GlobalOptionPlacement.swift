/// `clinic --db X user add …`: the global options may also come before the
/// command, as `git -C` and `kubectl --context` allow. The parser reads them
/// from each command's `GlobalOptions`, so those given first are moved after
/// the command's words (before a `--`, when there is one).
enum GlobalOptionPlacement {
    /// Options that take a value (`--db X` or `--db=X`).
    static let valued = ["--db", "--database-url", "--config"]
    /// Flags.
    static let flags = ["--json"]

    /// `arguments` with leading global options moved after the command; with
    /// nothing but them, they go to `defaultCommand`.
    static func reordered(_ arguments: [String], defaultCommand: String) -> [String] {
        var leading: [String] = []
        var i = 0
        while i < arguments.count {
            let word = arguments[i]
            if flags.contains(word) || valued.contains(where: { word.hasPrefix($0 + "=") }) {
                leading.append(word); i += 1
            } else if valued.contains(word), i + 1 < arguments.count {
                leading += [word, arguments[i + 1]]; i += 2
            } else {
                break
            }
        }
        guard !leading.isEmpty else { return arguments }
        var rest = Array(arguments[i...])
        if rest.isEmpty { return [defaultCommand] + leading }
        if rest[0].hasPrefix("-") { return rest + leading }  // --help, --version, or a mistake the parser names
        let end = rest.firstIndex(of: "--") ?? rest.endIndex
        rest.insert(contentsOf: leading, at: end)
        return rest
    }
}
