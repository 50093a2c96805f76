import ClinicCore
import Foundation

/// How long the kiosk takes to answer each kind of sign-in at the real
/// password cost: the refusals (unknown account, staff with a wrong or the
/// right password, no password set, a wrong password, a kiosk lock) must not
/// be told apart by their timing. The cases alternate within each round so
/// they all meet the same machine.
enum KioskSignInBench {
    static func run(dir: String, rounds: Int) throws -> [String: Any] {
        let path = dir + "/kiosk-sign-in.sqlite"
        BenchFiles.removeDatabase(path)
        guard let zone = ClinicTimeZone(identifier: BenchClinic.zoneID) else { throw BenchError("unknown zone") }
        let store = try ClinicStore(
            path: path, clock: ManualClock(Date(timeIntervalSince1970: 1_772_452_800)),
            hasher: PasswordHasher(), settings: .init(name: "Bench Clinic", timeZone: zone))
        func add(_ role: Role, _ email: String, _ phone: String, _ password: String?) throws {
            try store.createAccount(
                NewAccount(
                    role: role, name: "Bench \(email)", email: email, phone: phone, password: password,
                    specialization: role == .doctor ? "General practice" : nil), by: .shell)
        }
        try add(.doctor, "doctor@bench.test", "+15558000001", "doctor-password")
        try add(.patient, "nopass@bench.test", "+15558000002", nil)
        try add(.patient, "patient@bench.test", "+15558000003", "patient-password")
        try add(.patient, "locked@bench.test", "+15558000004", "locked-password")
        for _ in 1...5 { _ = try? store.kioskSignIn(login: "locked@bench.test", password: "wrong-password") }
        // The wrong-password patient must stay unlocked however many rounds run.
        let neverLocks = KioskSignInPolicy(failuresBeforeLock: .max)
        let cases: [(name: String, login: String, password: String, policy: KioskSignInPolicy)] = [
            ("unknown", "nobody@bench.test", "some-password", .standard),
            ("staff_wrong_password", "doctor@bench.test", "wrong-password", .standard),
            ("staff_right_password", "doctor@bench.test", "doctor-password", .standard),
            ("no_password", "nopass@bench.test", "some-password", .standard),
            ("wrong_password", "patient@bench.test", "wrong-password", neverLocks),
            ("kiosk_locked_right_password", "locked@bench.test", "locked-password", .standard),
            ("signed_in", "patient@bench.test", "patient-password", neverLocks),
        ]
        var times: [[UInt64]] = Array(repeating: [], count: cases.count)
        for round in 1...rounds {
            for (i, c) in cases.enumerated() {
                let start = Stopwatch.now()
                _ = try? store.kioskSignIn(login: c.login, password: c.password, policy: c.policy)
                times[i].append(Stopwatch.now() &- start)
            }
            if round == 1 || round == rounds { progress("kiosk sign-in: round \(round)/\(rounds)") }
        }
        var result: [String: Any] = ["rounds": rounds, "iterations": PasswordHasher.interactiveIterations]
        var refusalMedians: [Double] = []
        for (i, c) in cases.enumerated() {
            let p = Percentiles(nanoseconds: times[i])
            result[c.name] = [
                "median_ms": rounded(p.p50 / 1_000, 2), "p90_ms": rounded(p.p90 / 1_000, 2),
                "max_ms": rounded(p.max / 1_000, 2),
            ]
            if c.name != "signed_in" { refusalMedians.append(p.p50) }
        }
        if let low = refusalMedians.min(), let high = refusalMedians.max(), low > 0 {
            result["refusal_median_spread_percent"] = rounded((high - low) / low * 100, 2)
        }
        return result
    }
}
