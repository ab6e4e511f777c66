import Logging
import MQProtocol
import MQRemoting
import MQTestSupport
import NIOCore
import Testing

/// Bad bytes, silent connections and floods: the offending connection is closed, everyone else is served.
@Suite("Remoting hostile input", .timeLimit(.minutes(1)))
struct RemotingHostileInputTests {
    struct Garbage: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        var testDescription: String { name }
    }

    static func frame(length: Int32, marker: UInt32, _ rest: [UInt8]) -> [UInt8] {
        var buffer = ByteBuffer()
        buffer.writeInteger(length)
        buffer.writeInteger(marker)
        buffer.writeBytes(rest)
        return Array(buffer.readableBytesView)
    }

    static let garbage: [Garbage] = [
        Garbage(
            name: "a frame announcing 16 MiB + 1", bytes: [0x01, 0x00, 0x00, 0x01] + Array(repeating: 0, count: 64)),
        Garbage(
            name: "a header length larger than the frame", bytes: frame(length: 8, marker: 256, Array("abcd".utf8))),
        Garbage(name: "a header that is not JSON", bytes: frame(length: 9, marker: 5, Array("hello".utf8))),
        Garbage(name: "a JSON header that is not an object", bytes: frame(length: 6, marker: 2, Array("[]".utf8))),
        Garbage(name: "an unknown serialize type", bytes: frame(length: 6, marker: 0x0700_0002, Array("{}".utf8))),
        Garbage(name: "a truncated binary header", bytes: frame(length: 7, marker: 0x0100_0003, [0, 1, 2])),
        Garbage(name: "a zero length", bytes: [0, 0, 0, 0]),
        Garbage(name: "an HTTP request", bytes: Array("GET / HTTP/1.1\r\nHost: localhost:9876\r\n\r\n".utf8)),
        Garbage(name: "a TLS client hello", bytes: [0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xFC, 0x03, 0x03]),
        Garbage(
            name: "random bytes",
            bytes: [0xFF] + (0..<4096).map { _ in UInt8.random(in: 0...255) }),
    ]

    @Test("bad bytes close that connection only, after one log line", arguments: garbage)
    func badBytes(garbage: Garbage) async throws {
        let log = LogCapture()
        try await withServer(logger: log.logger) { _, address in
            try await withClient { client in
                #expect(
                    try await client.invoke(address, echoRequest(["n": "1"]), timeout: .seconds(3)).remark == "echo")

                let socket = try await RawSocket.connect(to: address)
                let badPeer = try #require(socket.channel.localAddress?.remotingDescription)
                try await socket.send(garbage.bytes)
                try await socket.waitUntilClosed()

                let response = try await client.invoke(address, echoRequest(["n": "2"]), timeout: .seconds(3))
                #expect(response.extFields["n"] == "2")
                let warnings = log.messages(atLeast: .warning).filter { $0.hasSuffix("remote=\(badPeer)") }
                #expect(warnings.count == 1, "\(log.entries)")
                #expect(warnings.first?.hasPrefix("closing connection: ") == true)
            }
        }
    }

    @Test("a well-formed frame after garbage on the same connection is not processed")
    func nothingAfterGarbage() async throws {
        let processor = TestProcessor()
        try await withServer(processor) { _, address in
            let socket = try await RawSocket.connect(to: address)
            var bytes = Self.frame(length: 9, marker: 5, Array("hello".utf8))
            bytes += try Array(RemotingFrameEncoder.frame(echoRequest()).readableBytesView)
            try await socket.send(bytes)
            try await socket.waitUntilClosed()
            #expect(processor.requests.isEmpty)
        }
    }

    @Test("a silent connection and a stalled frame are closed after the idle timeout; a busy one is not")
    func idleTimeout() async throws {
        let log = LogCapture()
        let limits = ConnectionLimits(idleTimeout: .seconds(2))
        let processor = TestProcessor()
        try await withServer(processor, limits: limits, logger: log.logger) { _, address in
            let silent = try await RawSocket.connect(to: address)
            let stalled = try await RawSocket.connect(to: address)
            try await stalled.send(Self.frame(length: 100, marker: 10, Array("{\"code\":".utf8)))
            try await withClient { client in
                // A call every 50 ms for 3 s: never idle for 2 s, with room for a slow, loaded machine.
                let start = ContinuousClock.now
                while ContinuousClock.now - start < .milliseconds(3000) {
                    _ = try await client.invoke(address, echoRequest(), timeout: .seconds(3))
                    // A pause by design: the client stays busy with a call every 50 ms, never idle for 2 s.
                    try await Task.sleep(for: .milliseconds(50))
                }
                try await silent.waitUntilClosed(timeout: .seconds(4))
                try await stalled.waitUntilClosed(timeout: .seconds(4))
                #expect(processor.connects.count == 3, "the client kept its one connection")
                #expect(log.messages(atLeast: .info).filter { $0.hasPrefix("closing idle connection") }.count == 2)
            }
        }
    }

    @Test("a connection waiting for a deferred response is not idle")
    func deferredIsNotIdle() async throws {
        // Periods long enough that a loaded machine's scheduling delays do not look like idleness.
        let limits = ConnectionLimits(idleTimeout: .seconds(2))
        let log = LogCapture()
        try await withServer(limits: limits, logger: log.logger) { _, address in
            try await withClient { client in
                // Answered after 5 s: more than two idle periods.
                let slow = RemotingCommand(code: TestCode.slowDeferred, extFields: ["delayMillis": "5000"])
                let response = try await client.invoke(address, slow, timeout: .seconds(10))
                #expect(response.remark == "slow")
                #expect(!log.messages(atLeast: .info).contains { $0.hasPrefix("closing idle connection") })
            }
        }
    }

    @Test("connections over maxConnections are closed at once; the admitted one keeps being served")
    func maxConnections() async throws {
        let log = LogCapture()
        let processor = TestProcessor()
        try await withServer(processor, limits: ConnectionLimits(maxConnections: 1), logger: log.logger) { _, address in
            try await withClient { client in
                _ = try await client.invoke(address, echoRequest(), timeout: .seconds(3))
                let extra = try await RawSocket.connect(to: address)
                try await extra.waitUntilClosed()
                #expect(try await client.invoke(address, echoRequest(), timeout: .seconds(3)).remark == "echo")
                #expect(processor.connects.count == 1)
                #expect(
                    log.messages(atLeast: .warning).contains {
                        $0.hasPrefix("refusing connection: too many connections (limit 1)")
                    })
            }
            // The slot is free again once the client leaves.
            try await waitUntil("the disconnect", timeout: .seconds(5)) { processor.disconnects.count == 1 }
            try await withClient { client in
                let response = try await client.invoke(address, echoRequest(), timeout: .seconds(3))
                #expect(response.remark == "echo")
            }
        }
    }

    @Test("requests beyond maxPendingResponsesPerConnection are answered SYSTEM_BUSY at once")
    func pendingResponseLimit() async throws {
        let processor = TestProcessor()
        try await withServer(processor, limits: ConnectionLimits(maxPendingResponsesPerConnection: 2)) { _, address in
            let socket = try await RawSocket.connect(to: address)
            // One write, and answers 1 s away: the first two are surely pending when the third arrives.
            var bytes = ByteBuffer()
            for opaque in Int32(1)...3 {
                try RemotingFrameEncoder.encode(
                    RemotingCommand(code: TestCode.slowDeferred, opaque: opaque), into: &bytes)
            }
            try await socket.channel.writeAndFlush(bytes).get()
            let busy = try await socket.nextFrame()
            #expect(busy.opaque == 3)
            #expect(busy.responseCode == .systemBusy)
            #expect(busy.remark?.hasPrefix("[OVERLOAD]") == true)
            #expect(Set([try await socket.nextFrame().opaque, try await socket.nextFrame().opaque]) == [1, 2])
            #expect(processor.requests.count == 2)
            await socket.close()
        }
    }
}

extension SocketAddress {
    /// `ip:port`, as the server names its peers.
    var remotingDescription: String? {
        guard let ip = ipAddress, let port else { return nil }
        return RemotingAddress(host: ip, port: port).description
    }
}
