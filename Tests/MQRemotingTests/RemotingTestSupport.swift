import Logging
import MQProtocol
import MQRemoting
import MQTestSupport
import NIOCore
import NIOPosix
import Synchronization
import Testing

// MARK: - Codes the test processor understands

enum TestCode {
    /// Echoes extFields and body; remark "echo".
    static let echo: Int32 = 1001
    /// Never answers.
    static let silent: Int32 = 1002
    /// Answers 200 ms later.
    static let deferred: Int32 = 1003
    /// Returns a failed future.
    static let failing: Int32 = 1004
    /// Asks the client (server→client request) and reports its answer.
    static let askClient: Int32 = 1005
    /// Sends NOTIFY_CONSUMER_IDS_CHANGED (oneway) to the client, then answers.
    static let notifyClient: Int32 = 1006
    /// Answers `.response` even for oneway requests (the transport must drop it).
    static let answerAlways: Int32 = 1007
    /// Answers after `extFields["delayMillis"]` (default 1 s), with remark "slow".
    static let slowDeferred: Int32 = 1009
    /// Answers with a body one byte over the frame limit.
    static let oversized: Int32 = 1008
    /// Asks the client with a 200 ms timeout; a failed ask becomes SYSTEM_ERROR with the error's text.
    static let askClientBriefly: Int32 = 1010
    /// Closes the connection from the server side instead of answering.
    static let closeConnection: Int32 = 1011
    /// The request code the client's handler is asked.
    static let clientQuestion: Int32 = 2001
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String { "disk on fire" }
}

/// A processor for the transport tests. Records what it saw; answers per `TestCode`.
final class TestProcessor: RequestProcessor {
    private struct Seen {
        var requests: [RemotingCommand] = []
        var connects: [UInt64] = []
        var disconnects: [UInt64] = []
        var peerAddresses: [(remote: String, local: String)] = []
    }

    private let seen = Mutex(Seen())

    var requests: [RemotingCommand] { seen.withLock { $0.requests } }
    var connects: [UInt64] { seen.withLock { $0.connects } }
    var disconnects: [UInt64] { seen.withLock { $0.disconnects } }
    var peerAddresses: [(remote: String, local: String)] { seen.withLock { $0.peerAddresses } }

    func process(_ request: RemotingCommand, from peer: any RemotingPeer) -> ProcessResult {
        seen.withLock { $0.requests.append(request) }
        switch request.code {
        case TestCode.echo:
            var response = request.response(remark: "echo", body: request.body)
            response.extFields = request.extFields
            return .response(response)
        case TestCode.silent:
            return .noResponse
        case TestCode.deferred:
            let later = peer.eventLoop.scheduleTask(in: .milliseconds(200)) {
                Optional(request.response(remark: "late"))
            }
            return .deferred(later.futureResult)
        case TestCode.slowDeferred:
            let delay = request.extFields["delayMillis"].flatMap { Int64($0) } ?? 1000
            let later = peer.eventLoop.scheduleTask(in: .milliseconds(delay)) {
                Optional(request.response(remark: "slow"))
            }
            return .deferred(later.futureResult)
        case TestCode.failing:
            return .deferred(peer.eventLoop.makeFailedFuture(TestFailure()))
        case TestCode.askClient:
            let question = RemotingCommand(code: TestCode.clientQuestion, remark: "who are you?")
            let answer = peer.sendRequest(question, timeout: .seconds(5)).map { answer in
                Optional(request.response(remark: "client said \(answer.remark ?? "") (\(answer.code))"))
            }
            return .deferred(answer)
        case TestCode.askClientBriefly:
            let question = RemotingCommand(code: TestCode.clientQuestion, remark: "quick?")
            return .deferred(peer.sendRequest(question, timeout: .milliseconds(200)).map { Optional($0) })
        case TestCode.closeConnection:
            peer.close()
            return .noResponse
        case TestCode.notifyClient:
            peer.sendOneway(
                RemotingCommand(
                    code: RequestCode.notifyConsumerIdsChanged.rawValue, extFields: ["consumerGroup": "g1"]))
            return .response(request.response(remark: "notified"))
        case TestCode.answerAlways:
            return .response(request.response(remark: "should not be sent for oneway"))
        case TestCode.oversized:
            var body = ByteBuffer()
            body.writeRepeatingByte(0x61, count: FrameLimits.maxFrameLength + 1)
            return .response(request.response(body: body))
        default:
            return .response(
                request.response(.requestCodeNotSupported, remark: " request type \(request.code) not supported"))
        }
    }

    func peerDidConnect(_ peer: any RemotingPeer) {
        seen.withLock {
            $0.connects.append(peer.id)
            $0.peerAddresses.append((peer.remoteAddress, peer.localAddress))
        }
    }

    func peerDidDisconnect(_ peer: any RemotingPeer) {
        seen.withLock { $0.disconnects.append(peer.id) }
    }

    /// Waits until the processor has seen a request with `code` (requests are processed asynchronously).
    func waitForRequest(code: Int32, timeout: Duration = .seconds(5)) async throws {
        try await waitUntil("a request with code \(code)", timeout: timeout) {
            self.requests.contains { $0.code == code }
        }
    }
}

// MARK: - Servers and clients

let testGroup = MultiThreadedEventLoopGroup.singleton

/// A logger that keeps its lines, so tests can check what the transport logged.
final class LogCapture: Sendable {
    private let lines = Mutex<[(level: Logger.Level, message: String)]>([])

    var logger: Logger {
        var logger = Logger(label: "remoting-test") { _ in CapturingHandler(capture: self) }
        logger.logLevel = .debug
        return logger
    }

    var entries: [(level: Logger.Level, message: String)] { lines.withLock { $0 } }

    func messages(atLeast level: Logger.Level) -> [String] {
        entries.filter { $0.level >= level }.map(\.message)
    }

    fileprivate func append(_ level: Logger.Level, _ message: String) {
        lines.withLock { $0.append((level, message)) }
    }

    private struct CapturingHandler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .debug

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let remote = event.metadata?["remote"].map { " remote=\($0)" } ?? ""
            capture.append(event.level, "\(event.message)\(remote)")
        }
    }
}

let quietLogger = Logger(label: "remoting-test") { _ in SwiftLogNoOpLogHandler() }

/// Starts a server on 127.0.0.1 with an OS-chosen port, runs `body`, and stops the server even if `body` throws.
func withServer<T>(
    _ processor: any RequestProcessor = TestProcessor(), limits: ConnectionLimits = .init(),
    logger: Logger = quietLogger,
    _ body: (RemotingServer, String) async throws -> T
) async throws -> T {
    let server = RemotingServer(
        host: "127.0.0.1", port: 0, group: testGroup, processor: processor, logger: logger, limits: limits)
    try await server.start()
    let port = try #require(server.localAddress?.port)
    do {
        let result = try await body(server, "127.0.0.1:\(port)")
        await server.stop(gracePeriod: .seconds(1))
        return result
    } catch {
        await server.stop(gracePeriod: .seconds(1))
        throw error
    }
}

/// A client that is closed after `body`, even if `body` throws.
func withClient<T>(
    logger: Logger = quietLogger,
    serverRequestHandler: (@Sendable (RemotingCommand, String) -> RemotingCommand?)? = nil,
    _ body: (RemotingClient) async throws -> T
) async throws -> T {
    let client = RemotingClient(group: testGroup, logger: logger, serverRequestHandler: serverRequestHandler)
    do {
        let result = try await body(client)
        await client.close()
        return result
    } catch {
        await client.close()
        throw error
    }
}

func echoRequest(_ fields: [String: String] = [:], body: String? = nil) -> RemotingCommand {
    RemotingCommand(code: TestCode.echo, extFields: fields, body: body.map { ByteBuffer(string: $0) })
}

// MARK: - Waiting

struct TimedOut: Error, CustomStringConvertible {
    let what: String
    var description: String { "timed out waiting for \(what)" }
}

/// The value of `future`, or `TimedOut` after `timeout` (the future itself is left alone).
func value<T: Sendable>(
    of future: EventLoopFuture<T>, within timeout: Duration, _ what: String = "operation"
) async throws -> T {
    let promise = future.eventLoop.makePromise(of: T.self)
    future.cascade(to: promise)
    let millis = timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000
    let timer = future.eventLoop.scheduleTask(in: .milliseconds(millis)) { promise.fail(TimedOut(what: what)) }
    defer { timer.cancel() }
    return try await promise.futureResult.get()
}

/// Expects `body` to throw a `RemotingError` and returns it.
func expectRemotingError(
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Void
) async -> RemotingError? {
    do {
        try await body()
        Issue.record("expected a RemotingError, nothing was thrown", sourceLocation: sourceLocation)
        return nil
    } catch let error as RemotingError {
        return error
    } catch {
        Issue.record("expected a RemotingError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}
