extension ClinicMigrations {
    /// Indexes nothing reads any more, each one more B-tree write per booking,
    /// status change or SMS:
    /// - appointment (start, status): the scheduler and the board's waiting count
    ///   read the partial pending index, the board and the per-doctor views
    ///   (doctor, start, status), and clinic-wide stats walk (doctor, start,
    ///   status) too (measured at 1M: 155 → 190 ms);
    /// - sms_inbound (received_at) and sms_outbox (created_at): their lists are
    ///   newest first by id;
    /// - the status in (patient, start, end, status): a status change rewrote the
    ///   entry; the overlap check reads the status of the few rows that overlap.
    static let dropUnreadIndexesSQL = """
        DROP INDEX appointment_start;
        DROP INDEX sms_inbound_received;
        DROP INDEX sms_outbox_created;
        DROP INDEX appointment_patient_start;
        CREATE INDEX appointment_patient_start ON appointment(patient_id, start_at, end_at);
        """
}
