/// A selectable, scrolling list's state: which row is selected and which is at the top.
@_spi(Tooling) public struct ListState: Sendable, Equatable {
    private(set) var count: Int
    @_spi(Tooling) public private(set) var selected: Int
    private(set) var top: Int

    init(count: Int = 0, selected: Int = 0) {
        self.count = count; self.selected = 0; self.top = 0
        select(selected)
    }

    /// New rows (a refresh): keeps the selection in range.
    mutating func reset(count: Int, keeping index: Int? = nil) {
        self.count = count
        select(index ?? selected)
    }

    mutating func select(_ index: Int) { selected = count == 0 ? 0 : min(max(0, index), count - 1) }
    mutating func move(by delta: Int) { select(selected + delta) }

    /// Moves on a navigation key; returns whether it was one.
    mutating func handle(_ key: Key, page: Int) -> Bool {
        switch key {
        case .up, .char("k"): move(by: -1)
        case .down, .char("j"): move(by: 1)
        case .pageUp: move(by: -max(1, page))
        case .pageDown: move(by: max(1, page))
        case .home: select(0)
        case .end: select(count - 1)
        default: return false
        }
        return true
    }

    /// Scrolls so the selection is visible in `height` rows.
    mutating func scroll(height: Int) {
        guard height > 0 else { return }
        if selected < top { top = selected }
        if selected >= top + height { top = selected - height + 1 }
        top = max(0, min(top, max(0, count - height)))
    }
}
