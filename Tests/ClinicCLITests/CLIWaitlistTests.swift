import ClinicTesting
import Foundation
import Testing

/// `clinic waitlist add/list/remove/offer` through the real binary: a
/// cancellation by another `clinic` process offers the freed slot to the
/// first in line, the list shows it, and every refusal exits as the contract
/// says and leaves the list as it was.
@Suite struct CLIWaitlistTests {
    @Test func addListCancelOfferRemove() throws {
        let cli = try CLIClinic()
        let c = try RefusalTable.prepare(cli)  // Pia holds Ana's Tue 3 March 09:00
        let pia = RefusalTable.Person.pia.email, quin = RefusalTable.Person.quin.email, ana = RefusalTable.Person.ana.email
        // Quin waits for Ana, then for any cardiologist (a separate line)
        let added = try cli.json("waitlist", "add", "--patient", quin, "--doctor", ana, "--from", "2026-03-02", "--to", "2026-03-06")
        #expect(added.result.exitCode == 0, "\(added.result.stderr)")
        #expect(added.object["position"] as? Int == 1 && added.object["reason"] as? String == "From the waitlist")
        #expect(added.object["offer"] is NSNull && added.object["specialization"] is NSNull)
        let text = try cli.run(
            "waitlist", "add", "--patient", quin, "--specialization", "cardiology", "--from", "2026-03-02", "--to", "2026-03-04",
            "--reason", "Chest pain follow-up")
        #expect(text.stdout.contains("waits for any Cardiology doctor from 2026-03-02 to 2026-03-04, number 1 in line"), "\(text.stdout)")

        // When Pia cancels her visit (another process)
        #expect(try cli.run("cancel", c.booked, "--as", pia).exitCode == 0)
        // Then Quin's first entry holds an open offer of Ana's 09:00, texted with kind waitlist_offer
        let list = try cli.json("waitlist", "list", "--doctor", ana)
        let entries = try #require(list.object["entries"] as? [[String: Any]])
        #expect(entries.count == 2)
        let offer = try #require(entries.first?["offer"] as? [String: Any])
        #expect(offer["start"] as? String == "2026-03-03T09:00:00-05:00" && offer["state"] as? String == "open" && offer["byHand"] as? Bool == false)
        let log = try cli.run("sms", "log")
        #expect(log.stdout.contains("waitlist_offer"), "\(log.stdout)")
        let table = try cli.run("waitlist", "list")
        #expect(table.stdout.contains("\(offer["code"] as? String ?? "?") 2026-03-03 09:00 until"), "\(table.stdout)")

        // One offer open at a time per patient: the desk's offer for Quin's other entry waits
        let secondID = try #require(entries.last?["id"] as? Int), firstID = try #require(entries.first?["id"] as? Int)
        let desk = RefusalTable.Person.desk.email
        let early = try cli.run("waitlist", "offer", String(secondID), "--as", desk)
        #expect(early.exitCode == 1 && early.stderr.contains("already has an offer open"), "\(early.stderr)")

        // Removing an entry withdraws its offer; removing again is a conflict (exit 1)
        let removed = try cli.json("waitlist", "remove", String(firstID), "--as", quin)
        #expect(removed.object["state"] as? String == "removed" && removed.object["offer"] is NSNull)
        let again = try cli.run("waitlist", "remove", String(firstID))
        #expect(again.exitCode == 1 && again.stderr.contains("conflict: waitlist entry \(firstID) is removed already"))
        // Now the desk offers the specialization entry a slot by hand (the earliest free in its days)
        let byHand = try cli.run("waitlist", "offer", String(secondID), "--as", desk)
        #expect(byHand.exitCode == 0 && byHand.stdout.contains("texted; open until"), "\(byHand.stderr)")
        let all = try cli.json("waitlist", "list", "--all")
        #expect((all.object["entries"] as? [[String: Any]])?.map { $0["state"] as? String ?? "" } == ["waiting", "removed"])
    }

    @Test func refusalsExitAsTheContractSaysAndChangeNothing() throws {
        let cli = try CLIClinic()
        _ = try RefusalTable.prepare(cli)
        let quin = RefusalTable.Person.quin.email, ana = RefusalTable.Person.ana.email
        let base = ["waitlist", "add", "--patient", quin, "--from", "2026-03-02", "--to", "2026-03-06"]
        let cases: [([String], Int32, String)] = [
            (base, 2, "give --doctor or --specialization"),
            (base + ["--doctor", ana, "--specialization", "Cardiology"], 2, "give --doctor or --specialization"),
            (["waitlist", "add", "--patient", quin, "--doctor", ana, "--from", "2026-03-09", "--to", "2026-03-06"], 2, "is after the last"),
            (["waitlist", "add", "--patient", quin, "--doctor", ana, "--from", "2026-13-01", "--to", "2026-03-06"], 2, "invalid_input"),
            (base + ["--specialization", "Dermatology"], 1, "known: Cardiology"),
            (base + ["--doctor", quin], 1, "not a doctor"),
            (base + ["--doctor", ana, "--as", RefusalTable.Person.pia.email], 1, "forbidden"),
            (["waitlist", "remove", "999"], 1, "not_found: no waitlist entry 999"),
            (["waitlist", "offer", "999"], 1, "not_found"),
            (["waitlist", "list", "--as", RefusalTable.Person.pia.email, "--patient", quin], 1, "forbidden"),
        ]
        for (args, exit, message) in cases {
            let r = try cli.run(args)
            #expect(r.exitCode == exit && r.stderr.contains(message), "\(args): \(r.exitCode) \(r.stderr)")
        }
        #expect(try cli.run("waitlist", "list").stdout == "no one is waiting\n")
    }
}
