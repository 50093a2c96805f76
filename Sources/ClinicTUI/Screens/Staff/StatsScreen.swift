import ClinicCore

/// Paints the stats: a legend, one stacked bar per period (newest first) with
/// its total and no-show rate, then the overall totals.
struct StatsScreen {
    let model: StatsModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        if let error = model.error { buffer.write(error, x: area.x, y: area.y, role: .error, clip: area); return }
        guard let stats = model.stats else { return }
        var x = buffer.write("By \(model.grouping.rawValue) · ", x: area.x, y: area.y, role: .label, clip: area)
        for (status, glyph) in StatsModel.stack {
            x = buffer.write(String(glyph), x: x, y: area.y, role: Format.role(status), clip: area)
            x = buffer.write(" \(Format.status(status))  ", x: x, y: area.y, role: .dim, clip: area)
        }
        let overall = stats.overall
        buffer.write("All time: \(overall.total) appointments · no-show rate " + rate(overall.noShowRate),
                     x: area.x, y: area.y + 1, role: .normal, clip: area)
        buffer.write(counts(overall), x: area.x, y: area.y + 2, role: .dim, clip: area)
        guard !stats.periods.isEmpty else {
            buffer.write("No appointments yet.", x: area.x, y: area.y + 4, role: .dim, clip: area); return
        }
        let labelWidth = model.grouping == .month ? 8 : 11
        let barWidth = max(10, area.width - labelWidth - 26)
        let scale = stats.periods.map(\.counts.total).max() ?? 0
        for (i, period) in stats.periods.enumerated() where area.y + 4 + i < area.y + area.height {
            let y = area.y + 4 + i
            var x = buffer.write(CharWidth.pad(period.label, to: labelWidth), x: area.x, y: y, role: .label, clip: area)
            var used = 0
            for (status, cells) in StatsModel.segments(period.counts, scale: scale, width: barWidth) where cells > 0 {
                let glyph = StatsModel.stack.first { $0.0 == status }!.1
                let n = min(cells, barWidth - used)
                guard n > 0 else { break }
                x = buffer.write(String(repeating: glyph, count: n), x: x, y: y, role: Format.role(status), clip: area)
                used += n
            }
            let total = period.counts.total
            buffer.write(" \(total)  no-show \(rate(period.counts.noShowRate))", x: area.x + labelWidth + barWidth, y: y, role: .dim, clip: area)
        }
    }

    private func counts(_ c: StatsCounts) -> String {
        StatsModel.stack.map { "\(Format.status($0.0)) \(c.byStatus[$0.0] ?? 0)" }.joined(separator: ", ")
    }

    private func rate(_ r: Double?) -> String {
        guard let r else { return "–" }
        return "\(Int((r * 100).rounded()))%"
    }
}

extension StatsModel {
    public func paint(into buffer: inout CellBuffer, area: Rect) { StatsScreen(model: self).paint(into: &buffer, area: area) }
}
