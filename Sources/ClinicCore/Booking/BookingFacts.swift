/// What a booking must know about the appointments already there, in one
/// read: whether the slot is taken, whether the patient is busy then, a visit
/// with this doctor the same day (when a patient books themselves and the
/// clinic allows one), and how many visits the patient has to come (up to the
/// clinic's limit). Its arguments depend on the slot, the clinic's zone and
/// limits: a booking may send it with its first read, from what this process
/// knew before, and it is read again when the first read says otherwise.
struct BookingFactsQuery: Equatable {
    var doctorID: Int64
    var patientID: Int64
    var slot: Slot
    /// The slot's local day when a patient books themselves with one visit per doctor and day allowed; else empty.
    var sameDay: Range<Int64>
    var now: Int64
    /// The visits to come that matter (0: no limit, or the desk books over it).
    var maxActive: Int

    init(_ request: BookingRequest, slot: Slot, zone: ClinicTimeZone, limits: BookingLimits?, selfService: Bool, now: Int64) {
        doctorID = request.doctorID
        patientID = request.patientID
        self.slot = slot
        self.now = now
        maxActive = limits?.maxActive ?? 0
        if let limits, limits.onePerDoctorDay, selfService {
            let day = zone.local(slot.start).date
            sameDay = zone.startOfDay(day)..<zone.startOfDay(day.adding(days: 1))
        } else {
            sameDay = 0..<0
        }
    }

    /// `?9`: an appointment not to count (the booking's own, when its insert went out with its first read).
    static let sql = """
        SELECT EXISTS (SELECT 1 FROM appointment WHERE doctor_id = ?1 AND start_at = ?2 AND id <> ?9
                       AND status IN \(AppointmentStatus.activeSQL)),
               EXISTS (SELECT 1 FROM appointment WHERE patient_id = ?3 AND start_at < ?4 AND end_at > ?2 AND id <> ?9
                       AND status IN \(AppointmentStatus.activeSQL)),
               EXISTS (SELECT 1 FROM appointment WHERE patient_id = ?3 AND doctor_id = ?1 AND start_at >= ?5 AND start_at < ?6
                       AND id <> ?9 AND status IN \(AppointmentStatus.activeSQL)),
               (SELECT COUNT(*) FROM (SELECT 1 FROM appointment WHERE patient_id = ?3 AND start_at > ?7 AND id <> ?9
                                      AND status IN \(AppointmentStatus.activeSQL) LIMIT ?8) AS coming)
        """

    func arguments(excluding: Int64 = 0) -> StoreArguments {
        [doctorID, slot.start, patientID, slot.end, sameDay.lowerBound, sameDay.upperBound, now, maxActive, excluding]
    }
}

/// The answer to a `BookingFactsQuery`.
struct BookingFacts {
    var slotTaken: Bool
    var patientBusy: Bool
    var sameDayVisit: Bool
    var coming: Int

    init(_ row: StoreRow?) {
        slotTaken = row?[0] ?? false
        patientBusy = row?[1] ?? false
        sameDayVisit = row?[2] ?? false
        coming = row?[3] ?? 0
    }
}
