import MQProtocol
import MQRemoting
import MQTestSupport
import NIOCore
import Testing

/// Timeouts, connect failures, server restarts, address parsing.
@Suite("Remoting timeouts and connection lifecycle", .timeLimit(.minutes(1)))
struct RemotingLifecycleTests {
    @Test("a request nobody answers fails with timeout within the timeout, and its late answer is dropped")
    func timeout() async throws {
        try await withServer { _, address in
            let log = LogCapture()
            try await withClient(logger: log.logger) { client in
                let start = ContinuousClock.now
                let error = await expectRemotingError {
                    _ = try await client.invoke(
                        address, RemotingCommand(code: TestCode.silent), timeout: .milliseconds(300))
                }
                let elapsed = ContinuousClock.now - start
                #expect(error == .timeout(address: address, millis: 300))
                // The upper bound leaves room for a loaded CI machine; the point is that it does not hang.
                #expect(elapsed >= .milliseconds(300) && elapsed < .seconds(3), "took \(elapsed)")

                // A response arriving after the timeout (200 ms deferred vs 50 ms) is dropped, not handed to
                // the next caller.
                let late = await expectRemotingError {
                    _ = try await client.invoke(
                        address, RemotingCommand(code: TestCode.deferred), timeout: .milliseconds(50))
                }
                #expect(late == .timeout(address: address, millis: 50))
                try await waitUntil("the late answer to arrive and be dropped") {
                    log.messages(atLeast: .debug).contains { $0.hasPrefix("dropping response nobody waits for") }
                }
                let next = try await client.invoke(address, echoRequest(["n": "1"]), timeout: .seconds(3))
                #expect(next.remark == "echo")
                #expect(next.extFields["n"] == "1")
            }
        }
    }

    @Test("connecting to a port nobody listens on fails quickly with connectFailed")
    func connectRefused() async throws {
        let port = try await withServer { server, _ in try #require(server.localAddress?.port) }
        let address = "127.0.0.1:\(port)"
        try await withClient { client in
            let start = ContinuousClock.now
            let error = await expectRemotingError {
                _ = try await client.invoke(address, echoRequest(), timeout: .seconds(3))
            }
            #expect(ContinuousClock.now - start < .seconds(1))
            #expect(error == .connectFailed(address: address, reason: "connection refused"))
            #expect(error?.description.hasPrefix("cannot connect to \(address): connection refused") == true)
            // A failed connect is not cached: the next call tries again (and fails again).
            let again = await expectRemotingError {
                try await client.invokeOneway(address, echoRequest())
            }
            #expect(again == .connectFailed(address: address, reason: "connection refused"))
        }
    }

    @Test("stopping the server fails pending calls with connectionClosed; after a restart the client reconnects")
    func serverRestart() async throws {
        let processor = TestProcessor()
        let first = RemotingServer(
            host: "127.0.0.1", port: 0, group: testGroup, processor: processor, logger: quietLogger)
        try await first.start()
        try await withTeardown {
            let port = try #require(first.localAddress?.port)
            let address = "127.0.0.1:\(port)"
            try await withClient { client in
                let pending = Task {
                    try await client.invoke(address, RemotingCommand(code: TestCode.silent), timeout: .seconds(20))
                }
                try await processor.waitForRequest(code: TestCode.silent)
                let start = ContinuousClock.now
                await first.stop()
                let error = await expectRemotingError { _ = try await pending.value }
                #expect(error == .connectionClosed(address: address))
                #expect(ContinuousClock.now - start < .seconds(2), "a silent request holds up nothing at stop")

                let second = RemotingServer(
                    host: "127.0.0.1", port: port, group: testGroup, processor: processor, logger: quietLogger)
                try await second.start()
                try await withTeardown {
                    let response = try await client.invoke(address, echoRequest(), timeout: .seconds(3))
                    #expect(response.remark == "echo")
                    #expect(processor.connects.count == 2)
                } teardown: {
                    await second.stop()
                }
            }
        } teardown: {
            await first.stop()
        }
    }

    @Test("stop lets a deferred response in flight complete before closing the connection")
    func gracefulStop() async throws {
        let processor = TestProcessor()
        let server = RemotingServer(
            host: "127.0.0.1", port: 0, group: testGroup, processor: processor, logger: quietLogger)
        try await server.start()
        try await withTeardown {
            let address = "127.0.0.1:\(try #require(server.localAddress?.port))"
            try await withClient { client in
                let pending = Task {
                    try await client.invoke(address, RemotingCommand(code: TestCode.deferred), timeout: .seconds(5))
                }
                try await processor.waitForRequest(code: TestCode.deferred)
                await server.stop(gracePeriod: .seconds(3))
                #expect(try await pending.value.remark == "late")
                #expect(server.localAddress == nil)
                // Until the client has read the server's close, a call can still meet the old connection.
                var error: RemotingError?
                try await waitUntil("the client to see the server's close") {
                    error = await expectRemotingError {
                        _ = try await client.invoke(address, echoRequest(), timeout: .seconds(3))
                    }
                    return error != .connectionClosed(address: address)
                }
                #expect(error == .connectFailed(address: address, reason: "connection refused"))
            }
        } teardown: {
            await server.stop()
        }
    }

    @Test("the same server can be started again after stop")
    func restartSameInstance() async throws {
        let server = RemotingServer(
            host: "127.0.0.1", port: 0, group: testGroup, processor: TestProcessor(), logger: quietLogger)
        try await server.start()
        await server.stop()
        try await server.start()
        try await withTeardown {
            let address = "127.0.0.1:\(try #require(server.localAddress?.port))"
            try await withClient { client in
                let response = try await client.invoke(address, echoRequest(), timeout: .seconds(3))
                #expect(response.remark == "echo")
            }
        } teardown: {
            await server.stop()
        }
    }

    @Test("binding a port that is taken fails with bindFailed naming the address")
    func bindFailed() async throws {
        try await withServer { server, address in
            let port = try #require(server.localAddress?.port)
            let second = RemotingServer(
                host: "127.0.0.1", port: port, group: testGroup, processor: TestProcessor(), logger: quietLogger)
            let error = await expectRemotingError { try await second.start() }
            #expect(error == .bindFailed(address: address, reason: "address already in use"))
            #expect(error?.description.hasPrefix("cannot listen on \(address): address already in use") == true)
            #expect(second.localAddress == nil)
        }
    }

    @Test("cancelling the calling task fails the call at once")
    func cancellation() async throws {
        let processor = TestProcessor()
        try await withServer(processor) { _, address in
            try await withClient { client in
                let call = Task {
                    try await client.invoke(address, RemotingCommand(code: TestCode.silent), timeout: .seconds(20))
                }
                try await processor.waitForRequest(code: TestCode.silent)
                call.cancel()
                await #expect(throws: CancellationError.self) { _ = try await call.value }
                #expect(try await client.invoke(address, echoRequest(), timeout: .seconds(3)).remark == "echo")
            }
        }
    }

    @Test("a closed client refuses further calls")
    func closedClient() async throws {
        try await withServer { _, address in
            let client = RemotingClient(group: testGroup, logger: quietLogger)
            _ = try await client.invoke(address, echoRequest(), timeout: .seconds(3))
            await client.close()
            let error = await expectRemotingError {
                _ = try await client.invoke(address, echoRequest(), timeout: .seconds(3))
            }
            #expect(error == .closed)
        }
    }

    @Test(
        "addresses must be host:port",
        arguments: [
            "localhost", "", ":9876", "host:", "host:port", "host:99999", "a:b:9876", "::1:9876", "[::1]9876",
            "[::1]:", "[127.0.0.1]:9876", "host :9876", "ns1:9876;ns2:9876", "host:+80",
        ])
    func invalidAddress(text: String) async throws {
        #expect(throws: RemotingError.invalidAddress(text)) { try RemotingAddress(parsing: text) }
        try await withClient { client in
            let error = await expectRemotingError {
                _ = try await client.invoke(text, echoRequest(), timeout: .seconds(1))
            }
            #expect(error == .invalidAddress(text))
        }
    }

    @Test("host:port and bracketed IPv6 parse")
    func validAddress() throws {
        #expect(try RemotingAddress(parsing: "10.0.0.1:9876") == RemotingAddress(host: "10.0.0.1", port: 9876))
        #expect(
            try RemotingAddress(parsing: "broker-a.local:10911") == RemotingAddress(host: "broker-a.local", port: 10911)
        )
        #expect(try RemotingAddress(parsing: "[::1]:9876") == RemotingAddress(host: "::1", port: 9876))
        #expect(RemotingAddress(host: "::1", port: 9876).description == "[::1]:9876")
        #expect(RemotingAddress(host: "127.0.0.1", port: 80).description == "127.0.0.1:80")
    }

    @Test("IPv6 loopback works end to end")
    func ipv6() async throws {
        let server = RemotingServer(
            host: "::1", port: 0, group: testGroup, processor: TestProcessor(), logger: quietLogger)
        do {
            try await server.start()
        } catch {
            return  // no IPv6 loopback on this machine; nothing to check
        }
        try await withTeardown {
            let address = "[::1]:\(try #require(server.localAddress?.port))"
            try await withClient { client in
                let response = try await client.invoke(address, echoRequest(), timeout: .seconds(3))
                #expect(response.remark == "echo")
            }
        } teardown: {
            await server.stop()
        }
    }
}
