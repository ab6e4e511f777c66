import Foundation
import MQTestSupport
import Testing

/// `mqadmin demo` is the README's main job: it must work on its own and show every state it promises.
@Suite(.serialized) struct DemoTests {
    @Test func demoSeedsTrafficAndToursTheCommands() async throws {
        let dir = try TempDirectory("demo")
        defer { dir.remove() }
        let runner = MQAdminRunner(home: dir.sub("home"))
        let data = dir.sub("data")
        let r = try await Task.detached { try runner.run(["demo", "--data", data, "--messages", "600"]) }.value
        #expect(r.status == 0, "demo failed: \(r.stderr)")
        for expected in ["$ mqadmin topic list", "$ mqadmin backlog report", "orders", "payments", "OK", "STALLED",
            "order-0042", "The demo data is in \(data)"]
        {
            #expect(r.stdout.contains(expected), "demo output lacks \(expected):\n\(r.stdout)")
        }
        // The data stays explorable with the embedded default afterwards.
        let after = try await Task.detached { try runner.run(["--data", data, "topic", "describe", "orders", "-o", "json"]) }.value
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stdout.contains("\"orders\""))
    }
}
