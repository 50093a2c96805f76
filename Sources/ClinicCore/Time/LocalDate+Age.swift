extension LocalDate {
    /// Whole years from this date (a birthday) to `today`: the day before
    /// the birthday the year is not yet full; someone born on 29 February
    /// turns a year older on 1 March in common years. Nil when `today` is earlier.
    public func age(on today: LocalDate) -> Int? {
        guard today >= self else { return nil }
        var years = today.year - year
        if (today.month, today.day) < (month, day) { years -= 1 }
        return years
    }
}
