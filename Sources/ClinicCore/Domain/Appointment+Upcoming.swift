extension Appointment {
    /// Whether the visit is still to come at `now`: active (it holds its slot)
    /// and not yet over. A visit under way is still upcoming (the desk checks
    /// a late patient in, the patient sees it among their visits to come);
    /// the same "to come" refuses deactivating an account or changing the
    /// clinic's time zone. The one definition the screens use.
    public func isUpcoming(at now: Int64) -> Bool { status.isActive && end > now }
}
