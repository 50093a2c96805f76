@testable import ClinicCore
import Testing

@Suite("Appointment codes")
struct AppointmentCodeTests {
    @Test func freshCodesAreValidVariedAndUseTheWholeAlphabet() {
        #expect(AppointmentCode.codeSpace == (0..<6).reduce(UInt64(1)) { n, _ in n * UInt64(AppointmentCode.alphabet.count) })
        let codes = (0..<2_000).map { _ in AppointmentCode.random() }
        #expect(codes.allSatisfy { $0.count == 6 && AppointmentCode.normalize($0) == $0 })
        #expect(Set(codes).count > 1_990)  // 887 million codes: repeats among 2,000 are rare
        #expect(Set(codes.joined()) == Set(AppointmentCode.alphabet))
        for position in 0..<6 {  // every position varies, the last included
            #expect(Set(codes.map { Array($0)[position] }).count > 25)
        }
    }
}
