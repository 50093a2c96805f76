import GRDB

extension WaitlistEntry.State: DatabaseValueConvertible {}
extension WaitlistOffer.State: DatabaseValueConvertible {}
