import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

@testable import MQAdminCLI

/// The one clock against a real broker: every noun-verb command that prints a time prints ISO-8601 with the
/// display zone's offset (MQADMIN_TZ, `--utc`), never Apache's `yyyy-MM-dd HH:mm:ss,SSS` nor a time without a
/// zone; and what a command prints, given back to a time option, means the same millisecond.
@Suite(.serialized) struct OneClockSweepTests {
    static let kolkata = ["MQADMIN_TZ": "Asia/Kolkata"]

    /// Every date-and-time-looking text in `text`, zone or not.
    static func times(in text: String) -> [String] {
        let any = #/\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d([.,]\d+)?)?(Z|[+-]\d\d:?\d\d)?/#
        return text.matches(of: any).map { String($0.output.0) }
    }

    /// Runs `args` with `env`; checks it succeeded and that it printed times, all in `offset`.
    @discardableResult
    static func expectTimes(
        _ cli: InProcessRunner, _ args: [String], env: [String: String] = kolkata, offset: String = "+05:30"
    ) async throws -> CommandResult {
        let r = try await cli.run(args, extraEnv: env)
        #expect(r.status == 0, "\(args): \(r.stderr)")
        let found = times(in: r.stdout + r.stderr)
        #expect(!found.isEmpty, "\(args) printed no time: \(r.stdout)")
        let strict = try Regex(
            #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}"# + NSRegularExpression.escapedPattern(for: offset))
        for t in found {
            #expect(t.wholeMatch(of: strict) != nil, "\(args) printed \(t)")
        }
        return r
    }

    @Test func everyNounVerbTimeIsIsoInTheDisplayZone() async throws {
        try await GroupFixture.with(brokers: 1, queues: 2, perQueue: 3) { f in
            let cli = f.cli
            let reset = ["offset", "reset", "g", "-t", "T", "--to-earliest"]
            #expect(try await cli.run(reset + ["--execute", "--yes"], extraEnv: Self.kolkata).status == 0)
            // Something consumed, so that there is a last-consumed time.
            for s in try await f.client.offsetStates(group: "g", topic: "T") {
                try await f.client.updateConsumerOffset(group: "g", queue: s.queue, offset: 1)
            }
            let key = try await sendKeyed(f.client)
            for args in [
                ["topic", "describe", "T"], ["offset", "show", "g", "-t", "T"], ["group", "describe", "g"], reset,
                ["offset", "undo", "--list"], ["message", "query", "-t", "T", "-k", key],
            ] {
                try await Self.expectTimes(cli, args)
                try await Self.expectTimes(cli, args + ["-o", "json"])
            }
            for args in [
                ["offset", "export", "g"], ["backlog", "report", "--window", "0", "-o", "json"],
                ["cluster", "list", "-o", "json"],
            ] {
                try await Self.expectTimes(cli, args)
            }

            // --utc, after the command or before it (a global option); UTC is written Z.
            try await Self.expectTimes(cli, ["topic", "describe", "T", "--utc"], offset: "Z")
            try await Self.expectTimes(cli, ["--utc", "message", "query", "-t", "T", "-k", key], offset: "Z")
            try await Self.expectTimes(cli, ["backlog", "report", "--window", "0", "-o", "json", "--utc"], offset: "Z")

            // An unknown zone: one line naming it and the fix, exit 2, nothing on stdout.
            let bad = try await cli.run(["topic", "describe", "T"], extraEnv: ["MQADMIN_TZ": "Mars/Olympus"])
            #expect(bad.status == 2 && bad.stdout.isEmpty)
            #expect(bad.stderr == "mqadmin: MQADMIN_TZ=Mars/Olympus is not a time zone; use an IANA name such as "
                + "Europe/Berlin or UTC, or unset it for the local zone\n")
        }
    }

    /// A time printed by one command, typed into another's time option, is the same millisecond: --begin/--end
    /// of `message query` and `trace show` (inclusive), `offset reset --to-time`, classic `-b/-e` and `-s`.
    @Test func printedTimesAreAcceptedBackToTheMillisecond() async throws {
        try await GroupFixture.with(brokers: 1, queues: 1, perQueue: 2) { f in
            let cli = f.cli
            let key = try await sendKeyed(f.client)
            try await GroupFixture.produce(f.client, perQueue: 2)
            let found = try await cli.run(
                ["message", "query", "-t", "T", "-k", key, "-o", "json"], extraEnv: Self.kolkata)
            let message = try #require(J.array(Self.object(found)["messages"]).first)
            let printed = try #require(message["storeTime"] as? String)
            let stored = try #require(J.int(message["storeTimestamp"]))
            let offset = try #require(J.int(message["queueOffset"]))
            #expect(try TimeArgument.parse(printed, option: "-b", zone: .current).get() == stored)
            // The table prints the same text.
            let table = try await cli.run(["message", "query", "-t", "T", "-k", key], extraEnv: Self.kolkata)
            #expect(table.stdout.contains(printed))

            // The printed form, the same without its offset (display zone), and Apache's form of it.
            let naive = String(printed.prefix(23))
            let apache = naive.replacingOccurrences(of: "T", with: "#").replacingOccurrences(of: ".", with: ":")
            for form in [printed, naive, apache, String(stored)] {
                let exact = try await cli.run(
                    ["message", "query", "-t", "T", "-k", key, "--begin", form, "--end", form, "-o", "json"],
                    extraEnv: Self.kolkata)
                #expect(exact.status == 0, "\(form): \(exact.stderr)")
                let messages = J.array(Self.object(exact)["messages"])
                #expect(messages.compactMap { J.int($0["storeTimestamp"]) } == [stored], "\(form): \(exact.stdout)")
                let plan = try await cli.run(
                    ["offset", "reset", "g", "-t", "T", "--to-time", form, "-o", "json"], extraEnv: Self.kolkata)
                #expect(plan.status == 0, "\(form): \(plan.stderr)")
                let newOffsets = J.array(Self.object(plan)["queues"]).compactMap { J.int($0["newOffset"]) }
                #expect(newOffsets == [offset], "\(form): \(plan.stdout)")
                // A millisecond later is after it: the window is exact.
                let later = try await cli.run(
                    ["message", "query", "-t", "T", "-k", key, "--begin", String(stored + 1), "-o", "json"],
                    extraEnv: Self.kolkata)
                #expect(later.status == MQExit.notFound.rawValue, "\(later.stdout)")
                #expect(Self.object(later)["messages"] == nil, "\(later.stdout)")
            }
            // Classic commands read Apache's form in the local zone (TZ), as Apache's JVM does.
            let local = TimeFormat.iso(stored, in: DisplayZone.local(ProcessInfo.processInfo.environment))
            let classicForm = String(local.prefix(23)).replacingOccurrences(of: "T", with: "#")
                .replacingOccurrences(of: ".", with: ":")
            let classic = try await cli.run(
                ["queryMsgByKey", "-t", "T", "-k", key, "-b", classicForm, "-e", classicForm], extraEnv: Self.kolkata)
            let msgId = try #require(message["msgId"] as? String)
            #expect(classic.status == 0 && classic.stdout.contains(msgId), "\(classic.stdout) \(classic.stderr)")
            let reset = try await cli.run(
                ["resetOffsetByTime", "-g", "g", "-t", "T", "-s", classicForm], extraEnv: Self.kolkata)
            #expect(reset.status == 0, "\(reset.stderr)")
            let show = try await cli.run(["offset", "show", "g", "-t", "T", "-o", "json"], extraEnv: Self.kolkata)
            #expect(J.array(Self.object(show)["queues"]).compactMap { J.int($0["committedOffset"]) } == [offset])

            // The message itself, as `message get` prints it (the sweep's other half).
            let offsetMsgId = try #require(message["offsetMsgId"] as? String)
            let get = try await Self.expectTimes(cli, ["message", "get", offsetMsgId])
            #expect(get.stdout.contains(printed))
            try await Self.expectTimes(cli, ["message", "get", offsetMsgId, "-o", "json"])
        }
    }

    /// Trace timelines and consumed messages: ISO in the display zone; a printed time is a valid --begin.
    @Test func traceAndConsumeTimesAreIsoInTheDisplayZone() async throws {
        try await GroupFixture.with(brokers: 1, queues: 1, perQueue: 1) { f in
            let cli = f.cli
            let sent = try await cli.run(
                ["message", "send", "T", "traced", "--key", "k-trace", "--trace", "-o", "json"])
            #expect(sent.status == 0, "\(sent.stderr)")
            let msgId = try #require(Self.object(sent)["msgId"] as? String, "\(sent.stdout)")
            try await Self.expectTimes(
                cli, ["message", "consume", "T", "-g", "gc", "--from", "earliest", "-c", "10", "--trace"])
            let shown = try await Self.expectTimes(cli, ["trace", "show", msgId, "-o", "json"])
            try await Self.expectTimes(cli, ["trace", "show", msgId])
            let first = try #require(Self.times(in: shown.stdout).sorted().first)
            let bounded = try await cli.run(
                ["trace", "show", msgId, "--begin", first, "--end", "now", "-o", "json"], extraEnv: Self.kolkata)
            #expect(bounded.status == 0, "\(bounded.stderr)")
            #expect(Self.times(in: bounded.stdout).sorted().first == first)
        }
    }

    static func object(_ r: CommandResult) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) as? [String: Any] ?? [:]
    }

    /// Sends one message keyed uniquely to the first queue of T; returns its key.
    /// Sent once the clock has moved past what was stored before, and returns once it has moved past it, so no
    /// other message shares its millisecond.
    func sendKeyed(_ client: MQClientInstance) async throws -> String {
        try await clockMovesOn()
        let key = "clock-\(UInt32.random(in: 0...UInt32.max))"
        let producer = Producer(group: "pg-clock", client: client)
        let queue = try #require(try await producer.writableQueues(topic: "T", refresh: true).first)
        _ = try await producer.send(Message(topic: "T", body: "tick", keys: [key]), to: queue)
        try await clockMovesOn()
        return key
    }

    func clockMovesOn() async throws {
        let start = Int64(Date().timeIntervalSince1970 * 1000)
        try await waitUntil("the clock to pass \(start + 1)") { Int64(Date().timeIntervalSince1970 * 1000) > start + 1 }
    }
}
