import GRDB

// Stored enum values decode through GRDB's `DatabaseValueConvertible` (the
// default for a `RawRepresentable` whose raw value is a `String`): a value the
// program does not know is a decoding error, never a default that would make
// an unknown status read as cancelled or an unknown role as a patient.

extension AppointmentStatus: DatabaseValueConvertible {}
extension Role: DatabaseValueConvertible {}
extension Actor.Via: DatabaseValueConvertible {}
extension OutboxMessage.Kind: DatabaseValueConvertible {}
extension OutboxMessage.Recipient: DatabaseValueConvertible {}
extension OutboxMessage.State: DatabaseValueConvertible {}
extension ScheduleEvent.Action: DatabaseValueConvertible {}
