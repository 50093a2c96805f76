@testable import ClinicCore
import Testing

/// The earliest-free-slot search's reads: a day at first, then a week ahead
/// when it goes on with the same doctors; other doctors are read afresh.
@Suite struct TakenStartsReaderTests {
    let day: Int64 = 86_400

    @Test func aSearchThatGoesOnReadsTheWeekAheadOnceAndAnswersTheNextDaysFromIt() {
        var reader = TakenStartsReader()
        var reads: [ClosedRange<Int64>] = []
        func taken(_ ids: [Int64], _ range: ClosedRange<Int64>) -> Set<FreeSlotSearch.Key> {
            reads.append(range)
            return [FreeSlotSearch.Key(doctorID: ids[0], start: range.lowerBound + 3_600)]
        }
        // When one doctor's days 0…8 are asked about in turn
        var answers: [Set<FreeSlotSearch.Key>] = []
        for d in Int64(0)...8 { answers.append(reader.taken([7], in: (d * day)...(d * day + 36_000), taken)) }
        // Then day 0 is read alone, day 1 with the week after it, and day 9 (beyond that week) reads again
        #expect(reads == [0...36_000, (day)...(day + 36_000 + 7 * day)])
        #expect(answers[5].contains(FreeSlotSearch.Key(doctorID: 7, start: day + 3_600)))
        _ = reader.taken([7], in: (9 * day)...(9 * day + 36_000), taken)
        #expect(reads.count == 3)
        // And other doctors are read for the span asked, with nothing ahead
        _ = reader.taken([1, 2], in: (10 * day)...(10 * day + 36_000), taken)
        #expect(reads.last == (10 * day)...(10 * day + 36_000))
    }

    @Test func theMoreDoctorsTheShorterTheLookAhead() {
        #expect(TakenStartsReader.lookAheadSeconds(doctors: 1) == 7 * day)
        #expect(TakenStartsReader.lookAheadSeconds(doctors: 16) == 4 * day)
        #expect(TakenStartsReader.lookAheadSeconds(doctors: 56) == day)
        #expect(TakenStartsReader.lookAheadSeconds(doctors: 1_110) == day)
    }
}
