/// A screen a slot is picked from (a doctor's day, the earliest free slots):
/// the confirmation sends the patient back to it with a note when the slot
/// was taken meanwhile, and the reason typed is offered again for the next.
protocol SlotPicker: AnyObject {
    /// A note shown above the slots ("just taken", errors).
    var notice: String? { get set }
    /// The reason typed for a slot that was taken meanwhile.
    var typedReason: String { get set }
}
