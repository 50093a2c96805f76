import ClinicCore

/// Paints the stats: a legend, one stacked bar per period (newest first) with
/// its total, no-show rate and utilisation (booked ÷ offered slots), then the overall totals.
struct StatsScreen {
    let model: StatsModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        if let error = model.error { buffer.write(error, x: area.x, y: area.y, role: .error, clip: area); return }
        guard let stats = model.stats else {
            buffer.write("Counting the clinic's appointments…", x: area.x, y: area.y, role: .dim, clip: area); return
        }
        let overall = stats.overall
        buffer.write(
            "All time: \(overall.total) appointments · no-show rate \(rate(overall.noShowRate)) · by \(model.grouping.rawValue)",
            x: area.x, y: area.y, role: .normal, clip: area)
        // The legend with the overall count of each status, three to a line.
        for (i, (status, glyph)) in StatsModel.stack.enumerated() {
            let x = area.x + (i % 3) * 22, y = area.y + 1 + i / 3
            buffer.write(String(glyph), x: x, y: y, role: Format.role(status), clip: area)
            buffer.write(" \(Format.status(status)) \(overall.byStatus[status] ?? 0)", x: x + 1, y: y, role: .dim, clip: area)
        }
        guard !stats.periods.isEmpty else {
            buffer.write("No appointments yet.", x: area.x, y: area.y + 4, role: .dim, clip: area); return
        }
        let labelWidth = model.grouping == .month ? 8 : 11
        let barWidth = max(10, area.width - labelWidth - 36)
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
            buffer.write(
                " \(total)  no-show \(rate(period.counts.noShowRate))  used \(rate(period.utilisation))",
                x: area.x + labelWidth + barWidth, y: y, role: .dim, clip: area)
        }
    }

    private func rate(_ r: Double?) -> String {
        guard let r else { return "–" }
        return "\(Int((r * 100).rounded()))%"
    }
}

extension StatsModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { StatsScreen(model: self).paint(into: &buffer, area: area) }
}
