import ArgumentParser
import Foundation
import MQBenchKit
import MQClient
import MQRemoting
import Testing

@testable import MQAdminCLI
@testable import MQBroker
@testable import MQProtocol
@testable import MQStore

/// Issue 12: every error the CLI can meet maps, in `ErrorReport` alone, to design.md's exit codes and one
/// stderr line; nothing unexpected ends as a usage error.
@Suite struct ErrorReportTests {
    /// One value of an error type, and the exit code it must give.
    struct Sample: @unchecked Sendable, CustomStringConvertible {
        var type: String
        var error: any Error
        var exit: MQExit

        init(_ type: String, _ error: any Error, _ exit: MQExit) {
            self.type = type
            self.error = error
            self.exit = exit
        }

        var description: String { "\(type): \(error)" }
    }

    static let endpoint = BrokerEndpoint(cluster: "C", brokerName: "broker-a", brokerId: 0, address: "127.0.0.1:10911")

    /// Every error type declared in Sources/ (by its declared name), plus the foreign ones commands meet.
    static let samples: [Sample] = [
        // MQAdminCLI
        Sample("CLIError", CLIError("topic T does not exist", exit: .notFound), .notFound),
        Sample("CLIError", CLIError("creating T failed: broker x refused: NO_PERMISSION: no"), .permissionDenied),
        Sample("ParseFailure", ErrorReport.ParseFailure(underlying: ValidationError("--queue must be 0")), .usage),
        Sample("Failure", Tokenizer.Failure.unterminatedQuote("'"), .usage),
        Sample("BenchConsumersUnsupported", BenchConsumersUnsupported(), .usage),
        Sample("UnknownCommand", CommandNames.UnknownCommand(path: [], word: "topc", suggestions: ["topic"]), .usage),
        Sample("MissingCommand", CommandNames.MissingCommand(path: ["topic"], choices: ["create", "list"]), .usage),
        // MQClient
        Sample("ClientError", ClientError.nameServerUnreachable(addresses: ["127.0.0.1:1"], detail: "refused"),
            .unreachable),
        Sample("ClientError", ClientError.brokerUnreachable(address: "127.0.0.1:1", detail: "timed out"), .unreachable),
        Sample("ClientError", ClientError.topicNotFound("T"), .notFound),
        Sample("ClientError", ClientError.brokerError(code: ResponseCode.subscriptionGroupNotExist.rawValue,
            remark: "no group", address: "a:1"), .notFound),
        Sample("ClientError", ClientError.brokerError(code: ResponseCode.noPermission.rawValue,
            remark: "user u has no permission to access Topic:T", address: "a:1"), .permissionDenied),
        Sample("ClientError", ClientError.brokerError(code: ResponseCode.systemError.rawValue, remark: "disk full",
            address: "a:1"), .failed),
        Sample("ClientError", ClientError.invalidArgument("no name server address"), .failed),
        Sample("ClientError", ClientError.malformedResponse("empty body"), .failed),
        Sample("TargetError", TargetError.unknownCluster("X", known: ["C"]), .notFound),
        Sample("TargetError", TargetError.severalClusters(["C", "D"]), .usage),
        Sample("TopicWriteError", TopicWriteError.preflight(endpoint, .brokerUnreachable(address: "a:1", detail: "")),
            .unreachable),
        Sample("TopicWriteError", TopicWriteError.preflight(endpoint, .brokerError(
            code: ResponseCode.noPermission.rawValue, remark: "User:alice has no permission", address: "a:1")),
            .permissionDenied),
        Sample("TopicWriteError", TopicWriteError.alreadyExists(topic: "T", on: [endpoint]), .failed),
        Sample("TopicWriteError", TopicWriteError.invalidAttributes(endpoint, .init("unknown key")), .usage),
        Sample("OffsetPlanError", OffsetPlanError.noQueues("no queue of T on broker-z"), .usage),
        Sample("NoDeadLetterQueue", NoDeadLetterQueue(group: "G"), .notFound),
        Sample("JournalWriteError", JournalWriteError(path: "/j/dlq-resend.G.jsonl", errno: ENOSPC), .failed),
        Sample("ImportLineProblem", ImportLineProblem("body is not valid base64"), .usage),
        // MQRemoting
        Sample("RemotingError", RemotingError.connectFailed(address: "a:1", reason: "refused"), .unreachable),
        Sample("RemotingError", RemotingError.timeout(address: "a:1", millis: 3000), .unreachable),
        Sample("RemotingError", RemotingError.invalidAddress("nowhere"), .usage),
        Sample("RemotingError", RemotingError.bindFailed(address: "a:1", reason: "in use"), .failed),
        Sample("RemotingError", RemotingError.closed, .failed),
        // MQBroker
        Sample("BrokerError", BrokerError.dataDirectoryLocked(path: "/d", holder: "pid 1"), .failed),
        Sample("BrokerError", BrokerError.dataDirectoryUnusable(path: "/d", reason: "it is not readable and writable"), .permissionDenied),
        Sample("BrokerError", BrokerError.invalidConfiguration("--listen: invalid"), .usage),
        Sample("AuthFailure", AuthFailure(.noPermission, "no permission"), .permissionDenied),
        Sample("SendRejection", BrokerCore.SendRejection(code: .messageIllegal, remark: "too big"), .failed),
        Sample("Refusal", NameServerSettings.Refusal(code: .invalidParameter, remark: "no setting x"), .failed),
        Sample("PullRefusal", PullRefusal(code: .subscriptionParseFailed, remark: "bad expression"), .failed),
        Sample("SubscriptionCompileError", SubscriptionCompileError.unsupportedType("XPATH"), .failed),
        Sample("WorkerThreadStopped", WorkerThreadStopped(), .failed),
        // MQStore
        Sample("StoreError", StoreError.corrupt(path: "/d/commitlog", reason: "bad magic"), .failed),
        Sample("IOFailure", IOFailure("open", "/d/lock", code: ENOENT), .failed),
        Sample("Illegal", MessageStore.Illegal(reason: "bad record"), .failed),
        Sample("WriteRefusal", MessageStore.WriteRefusal(reason: "disk full"), .failed),
        // MQProtocol
        Sample("HostPort.Invalid", HostPort.Invalid(text: "x", what: "--listen", example: "127.0.0.1:9876"), .usage),
        Sample("ProtocolError", ProtocolError.missingField("topic"), .failed),
        Sample("ProtocolError", ProtocolError.malformedHeader("line one\nline two"), .failed),
        Sample("AuthValidationError", AuthValidationError("The subject type is null."), .usage),
        Sample("MessageIdError", MessageIdError("message id 'XY' is truncated"), .usage),
        Sample("MessageDecodingError", MessageDecodingError.badMagic(0xDEAD), .failed),
        Sample("MessageEncodingError", MessageEncodingError.bodyTooLarge(1 << 30), .failed),
        Sample("AttributeError", TopicAttributes.AttributeError("unknown attribute"), .usage),
        Sample("JSONError", JSONError(offset: 3, reason: "unexpected }"), .failed),
        Sample("Unparsable", RequestAccess.Unparsable(), .failed),
        Sample("SendHeaderRefused", SendHeaderRefused(), .failed),
        Sample("Problem", TraceDecoder.Problem(reason: "no separators"), .failed),
        Sample("FilterSyntaxError", FilterSyntaxError(position: 5, message: "expected a value"), .usage),
        Sample("FilterEvaluationError", FilterEvaluationError(reason: "not a number"), .failed),
        // Other packages
        Sample("ValidationError", ValidationError("--max must be at least 1"), .usage),
        Sample("ExitCode", ExitCode(4), .unreachable),
        Sample("CancellationError", CancellationError(), .failed),
        Sample("DecodingError", DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "not JSON")),
            .failed),
        Sample("CocoaError", CocoaError(.fileReadNoSuchFile), .failed),
        Sample("Unknown", Unknown(), .failed),
    ]

    /// An error no module declares: still exit 1 with its message, never "see --help".
    struct Unknown: Error, CustomStringConvertible {
        var description: String { "something\nunexpected" }
    }

    @Test(arguments: samples)
    func everyErrorMapsToItsExitCodeWithOneLine(_ sample: Sample) {
        let report = ErrorReport.classify(sample.error)
        #expect(report.exit == sample.exit, "\(sample)")
        #expect(!report.isHelp, "\(sample)")
        #expect(!report.message.contains("\n"), "\(sample): \(report.message)")
        if sample.type != "ExitCode" { #expect(!report.message.isEmpty, "\(sample)") }
        let fromArgumentParser = ["ParseFailure", "ValidationError"].contains(sample.type)
        #expect(report.message.hasSuffix("(see --help)") == fromArgumentParser, "\(sample): \(report.message)")
    }

    @Test func helpAndVersionAreNotErrors() async throws {
        for args in [["--help"], ["topic", "create", "--help"], ["--version"]] {
            // `--help` parses as a command whose run() throws; `--version` throws while parsing.
            var thrown: (any Error)?
            do {
                var command = try await MQAdmin.asyncParseAsRoot(args)
                try command.run()
            } catch {
                thrown = error
            }
            let error = try #require(thrown, "\(args) did not ask for help")
            let report = ErrorReport.classify(error)
            #expect(report.exit == .ok && report.isHelp && !report.message.isEmpty, "\(args)")
        }
        #expect(ErrorReport.classify(CleanExit.helpRequest()).isHelp)
        // As the runner sees it: wrapped as a failure of parsing.
        #expect(throws: (any Error).self) { try MQAdmin.parseAsRoot(["--version"]) }
        do {
            _ = try MQAdmin.parseAsRoot(["--version"])
        } catch {
            let report = ErrorReport.classify(ErrorReport.ParseFailure(underlying: error))
            #expect(report.isHelp && report.message == MQAdminVersion.current)
        }
    }

    @Test func permissionDenialsSayWhatToDo() {
        let denied = ClientError.brokerError(
            code: ResponseCode.noPermission.rawValue, remark: "check signature failed", address: "a:1")
        #expect(ErrorReport.classify(denied).message.contains("the secret key does not match"))
    }

    /// Fails when an error type is added to Sources/ without a sample above (and so without a thought about
    /// its exit code), or a sample names a type that no longer exists.
    @Test func everyErrorTypeInSourcesIsListed() throws {
        let declared = try Self.declaredErrorTypes()
        #expect(declared.count >= 20, "the scan of Sources/ found only \(declared.sorted())")
        let listed = Set(Self.samples.map { $0.type.split(separator: ".").last.map(String.init) ?? $0.type })
        let foreign: Set<String> = [
            "ValidationError", "ExitCode", "CancellationError", "DecodingError", "CocoaError", "Unknown",
        ]
        #expect(declared.subtracting(listed).isEmpty, "add samples for \(declared.subtracting(listed).sorted())")
        #expect(listed.subtracting(foreign).subtracting(declared).isEmpty,
            "no longer declared: \(listed.subtracting(foreign).subtracting(declared).sorted())")
    }

    /// Names of the types in Sources/ that conform to `Error` where they are declared or in an extension.
    static func declaredErrorTypes() throws -> Set<String> {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let declaration = try NSRegularExpression(
            pattern: #"\b(?:struct|enum|class|actor|extension)\s+([\w.]+)\s*(?:<[^>{]*>)?\s*:\s*([^{]*)\{"#)
        var names = Set<String>()
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift" else { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in declaration.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let name = Range(match.range(at: 1), in: text), let list = Range(match.range(at: 2), in: text)
                else { continue }
                let conformances = text[list].split(separator: " where ").first ?? ""
                let types = conformances.split(separator: ",").map {
                    $0.trimmingCharacters(in: .whitespacesAndNewlines)
                }
                if types.contains("Error") || types.contains("Swift.Error") {
                    names.insert(String(text[name].split(separator: ".").last ?? ""))
                }
            }
        }
        return names
    }
}
