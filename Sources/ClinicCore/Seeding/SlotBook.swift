/// The real slots of each (weekly-hours template, slot length) over the seed's
/// windows, generated once and shared by every doctor with that profile.
struct SlotBook {
    struct Key: Hashable { let template: Int; let length: Int }

    let templates: [WeeklyHours]
    private var pastSlots: [Key: [Int64]] = [:]
    private var futureSlots: [Key: [Int64]] = [:]

    /// Past: started in the last `pastDays` and ended by `now`. Future: starting after `now`, within `futureDays`.
    init(zone: ClinicTimeZone, now: Int64, templates: [WeeklyHours], lengths: [Int]) {
        self.templates = templates
        let pastStart = now - Int64(SeedOptions.pastDays) * 86_400
        let futureEnd = now + Int64(SeedOptions.futureDays) * 86_400
        let firstDay = zone.local(pastStart).date, lastDay = zone.local(futureEnd).date
        for (t, hours) in templates.enumerated() {
            for length in lengths {
                let calc = SlotCalculator(timeZone: zone, hours: hours, slotMinutes: length)
                var past: [Int64] = [], future: [Int64] = []
                var day = firstDay
                while day <= lastDay {
                    for slot in calc.slots(on: day) {
                        if slot.start >= pastStart && slot.end <= now { past.append(slot.start) }
                        if slot.start > now && slot.start <= futureEnd { future.append(slot.start) }
                    }
                    day = day.adding(days: 1)
                }
                pastSlots[Key(template: t, length: length)] = past
                futureSlots[Key(template: t, length: length)] = future
            }
        }
    }

    func past(_ template: Int, _ length: Int) -> [Int64] { pastSlots[Key(template: template, length: length)] ?? [] }
    func future(_ template: Int, _ length: Int) -> [Int64] { futureSlots[Key(template: template, length: length)] ?? [] }
}
