import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// `clinic serve` hosts the webhook listener; `clinic sms simulate` sends it a
/// correctly signed request, as Twilio would, and prints the reply.
@Suite(.serialized) struct ServeWebhookTests {
    @Test func simulateConfirmsThroughTheRunningServeAndRepeatsTheSameReplyForTheSameSid() async throws {
        // Given serve running with a public URL that differs from its bind address
        let f = try ServeFixture(appointments: 2)
        let port = HTTPProbe.freePort()
        var env = f.environment()
        env["CLINIC_LISTEN"] = "127.0.0.1:\(port)"
        env["CLINIC_PUBLIC_URL"] = "https://clinic.example.org/"
        let serve = try ClinicBinary.start(["serve"], environment: env)
        #expect(try await HTTPProbe.waitUntilHealthy(port: port))

        // When the patient "texts" CONFIRM with the code, twice under one MessageSid
        let code = f.codes[0]
        let args = ["sms", "simulate", "--from", "+1 555 010 0001", "--body", "confirm \(code)", "--sid", "SMsimulated0001"]
        let first = try ClinicBinary.run(args, environment: env)
        let again = try ClinicBinary.run(args, environment: env)
        // And someone signs with the wrong token
        var forged = env
        forged["TWILIO_AUTH_TOKEN"] = "not-the-token"
        let refused = try ClinicBinary.run(["sms", "simulate", "--from", "+15550100001", "--body", "CANCEL \(code)"], environment: forged)
        let help = try ClinicBinary.run(["sms", "simulate", "--from", "+15550100001", "--body", "HELP", "--json"], environment: env)

        let inbox = try ClinicBinary.run(["sms", "inbox", "--json"], environment: env)

        signalProcess(serve, SIGTERM)
        let stopped = serve.wait()

        // Then the reply is printed, the appointment is confirmed once, the forgery is refused
        #expect(first.exitCode == 0, "\(first.stderr)")
        #expect(first.stdout.contains("is confirmed") && first.stdout.contains(code))
        #expect(again.stdout == first.stdout)
        #expect(refused.exitCode != 0 && refused.stderr.contains("403"))
        #expect(help.stdout.contains("\"status\":200") && help.stdout.contains("CONFIRM <code>"))
        #expect(try f.store.appointment(code: code).status == .confirmed)
        #expect(try f.store.events(code: code).filter { $0.via == .sms }.count == 1)
        #expect(try f.store.inboundSMS().count == 2)
        #expect(stopped.exitCode == 0, "\(stopped.stderr)")
        #expect(stopped.stderr.contains("webhook listening"))
        #expect(stopped.stdout.isEmpty, "nothing (Hummingbird's logger included) writes to stdout: \(stopped.stdout)")
        #expect(inbox.exitCode == 0 && inbox.stdout.contains("\"outcome\":\"confirmed\"") && inbox.stdout.contains("SMsimulated0001"))
    }

    @Test func serveFailsClearlyWhenItsPortIsTaken() async throws {
        let f = try ServeFixture(appointments: 1)
        let port = HTTPProbe.freePort()
        var env = f.environment()
        env["CLINIC_LISTEN"] = "127.0.0.1:\(port)"
        let first = try ClinicBinary.start(["serve"], environment: env)
        let up = try await HTTPProbe.waitUntilHealthy(port: port)
        let second = try ClinicBinary.run(["serve"], environment: env)
        signalProcess(first, SIGTERM)
        _ = first.wait()
        #expect(up)
        #expect(second.exitCode != 0)
        #expect(second.stderr.contains("cannot listen on 127.0.0.1:\(port)"))
    }
}
