import MQProtocol
import MQRemoting
import MQTestSupport
import NIOCore
import Synchronization
import Testing

/// Request/response over real loopback TCP against the test processor.
@Suite("Remoting request/response over TCP", .timeLimit(.minutes(1)))
struct RemotingRequestResponseTests {
    @Test("a request is answered with its fields and body")
    func echo() async throws {
        try await withServer { _, address in
            try await withClient { client in
                let response = try await client.invoke(
                    address, echoRequest(["topic": "T1", "queueId": "3"], body: "hello"), timeout: .seconds(3))
                #expect(response.isResponse)
                #expect(response.responseCode == .success)
                #expect(response.remark == "echo")
                #expect(response.extFields == ["topic": "T1", "queueId": "3"])
                #expect(String(buffer: try #require(response.body)) == "hello")
            }
        }
    }

    @Test(
        "the response keeps the request's opaque and serialize type, with only the response flag set",
        arguments: [SerializeType.json, .rocketmq])
    func responseShape(serializeType: SerializeType) async throws {
        try await withServer { _, address in
            let socket = try await RawSocket.connect(to: address)
            var request = RemotingCommand(code: TestCode.echo, opaque: 4242, extFields: ["k": "v"])
            request.serializeType = serializeType
            try await socket.send(request)
            let response = try await socket.nextFrame()
            #expect(response.opaque == 4242)
            #expect(response.flag == RemotingCommand.responseFlag)
            #expect(response.serializeType == serializeType)
            #expect(response.extFields == ["k": "v"])
            await socket.close()
        }
    }

    @Test("1,000 concurrent invokes on one connection are each answered with their own response")
    func concurrentInvokes() async throws {
        let processor = TestProcessor()
        try await withServer(processor) { _, address in
            try await withClient { client in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for i in 0..<1000 {
                        group.addTask {
                            let response = try await client.invoke(
                                address, echoRequest(["n": "\(i)"], body: "body-\(i)"), timeout: .seconds(10))
                            #expect(response.extFields["n"] == "\(i)")
                            #expect(response.body.map { String(buffer: $0) } == "body-\(i)")
                        }
                    }
                    try await group.waitForAll()
                }
            }
            #expect(processor.requests.count == 1000)
            #expect(processor.connects.count == 1, "all invokes share one connection")
        }
    }

    @Test("pipelined requests on a raw connection are answered in order")
    func pipelined() async throws {
        try await withServer { _, address in
            let socket = try await RawSocket.connect(to: address)
            var bytes = ByteBuffer()
            for opaque in Int32(1)...50 {
                try RemotingFrameEncoder.encode(RemotingCommand(code: TestCode.echo, opaque: opaque), into: &bytes)
            }
            try await socket.channel.writeAndFlush(bytes).get()
            for opaque in Int32(1)...50 {
                #expect(try await socket.nextFrame().opaque == opaque)
            }
            await socket.close()
        }
    }

    @Test("a oneway request reaches the processor and gets no response, even if the processor returns one")
    func oneway() async throws {
        let processor = TestProcessor()
        try await withServer(processor) { _, address in
            let socket = try await RawSocket.connect(to: address)
            try await socket.send(
                RemotingCommand(
                    code: TestCode.answerAlways, opaque: 7, flag: RemotingCommand.onewayFlag))
            try await socket.send(RemotingCommand(code: TestCode.echo, opaque: 8))
            // The first frame back answers the second request: nothing was written for the oneway one.
            #expect(try await socket.nextFrame().opaque == 8)
            #expect(processor.requests.map(\.code) == [TestCode.answerAlways, TestCode.echo])
            #expect(processor.requests.first?.isOneway == true)
            await socket.close()

            try await withClient { client in
                try await client.invokeOneway(address, RemotingCommand(code: TestCode.answerAlways, remark: "c"))
                try await waitUntil("the oneway request", timeout: .seconds(5)) {
                    processor.requests.contains { $0.remark == "c" }
                }
                #expect(processor.requests.last?.isOneway == true)
            }
        }
    }

    @Test("a deferred response is written when its future completes")
    func deferred() async throws {
        try await withServer { _, address in
            try await withClient { client in
                let start = ContinuousClock.now
                let response = try await client.invoke(
                    address, RemotingCommand(code: TestCode.deferred), timeout: .seconds(3))
                #expect(ContinuousClock.now - start >= .milliseconds(200))
                #expect(response.remark == "late")
                // The connection keeps serving after a deferred response.
                #expect(try await client.invoke(address, echoRequest(), timeout: .seconds(3)).remark == "echo")
            }
        }
    }

    @Test("a failed deferred response is answered SYSTEM_ERROR with the error's text")
    func failedDeferred() async throws {
        try await withServer { _, address in
            try await withClient { client in
                let response = try await client.invoke(
                    address, RemotingCommand(code: TestCode.failing), timeout: .seconds(3))
                #expect(response.responseCode == .systemError)
                #expect(response.remark == "disk on fire")
            }
        }
    }

    @Test("a response too large for a frame becomes SYSTEM_ERROR and the connection stays usable")
    func oversizedResponse() async throws {
        try await withServer { _, address in
            try await withClient { client in
                let response = try await client.invoke(
                    address, RemotingCommand(code: TestCode.oversized), timeout: .seconds(10))
                #expect(response.responseCode == .systemError)
                #expect(response.remark?.contains("exceeds the frame limit") == true)
                #expect(try await client.invoke(address, echoRequest(), timeout: .seconds(3)).remark == "echo")
            }
        }
    }

    @Test("a request too large for a frame fails before sending and the connection stays usable")
    func oversizedRequest() async throws {
        try await withServer { _, address in
            try await withClient { client in
                var body = ByteBuffer()
                body.writeRepeatingByte(0x62, count: FrameLimits.maxFrameLength)
                let error = await expectRemotingError {
                    _ = try await client.invoke(
                        address, RemotingCommand(code: TestCode.echo, body: body), timeout: .seconds(3))
                }
                if case .frameTooLarge(address, let size, FrameLimits.maxFrameLength)? = error {
                    #expect(size > FrameLimits.maxFrameLength)
                } else {
                    Issue.record("expected frameTooLarge, got \(String(describing: error))")
                }
                let again = try await client.invoke(address, echoRequest(), timeout: .seconds(3))
                #expect(again.remark == "echo")
            }
        }
    }

    @Test("the server asks the client, and the client's handler answers")
    func serverToClientRequest() async throws {
        try await withServer { _, address in
            let asked = Mutex<[RemotingCommand]>([])
            try await withClient(serverRequestHandler: { request, from in
                asked.withLock { $0.append(request) }
                return request.response(remark: "a test client of \(from)")
            }) { client in
                let response = try await client.invoke(
                    address, RemotingCommand(code: TestCode.askClient), timeout: .seconds(5))
                #expect(response.remark == "client said a test client of \(address) (0)")
            }
            let question = try #require(asked.withLock { $0.first })
            #expect(question.code == TestCode.clientQuestion)
            #expect(!question.isOneway && !question.isResponse)
        }
    }

    @Test("a client handler that returns nil answers later through the client's reply")
    func serverToClientAnsweredLater() async throws {
        try await withServer { _, address in
            let box = Mutex<RemotingClient?>(nil)
            try await withClient(serverRequestHandler: { request, from in
                // As a consumer runs its listener on a task, not on the event loop.
                let target = box.withLock { $0 }
                Task { target?.reply(request.response(remark: "later, \(from)"), to: request, at: from) }
                return nil
            }) { client in
                box.withLock { $0 = client }
                let response = try await client.invoke(
                    address, RemotingCommand(code: TestCode.askClient), timeout: .seconds(5))
                #expect(response.remark == "client said later, \(address) (0)")
            }
        }
    }

    @Test("a server-to-client request the client leaves unanswered times out on the server")
    func serverToClientTimeout() async throws {
        try await withServer { _, address in
            try await withClient(serverRequestHandler: { _, _ in nil }) { client in
                let start = ContinuousClock.now
                let response = try await client.invoke(
                    address, RemotingCommand(code: TestCode.askClientBriefly), timeout: .seconds(5))
                #expect(ContinuousClock.now - start >= .milliseconds(200))
                #expect(response.responseCode == .systemError)
                let remark = try #require(response.remark)
                #expect(
                    remark.hasPrefix("no response from 127.0.0.1:") && remark.hasSuffix("within 200 ms (timed out)"))
            }
        }
    }

    @Test("a processor closing its peer fails the client's pending call with connectionClosed")
    func peerClose() async throws {
        let processor = TestProcessor()
        try await withServer(processor) { _, address in
            try await withClient { client in
                let error = await expectRemotingError {
                    _ = try await client.invoke(
                        address, RemotingCommand(code: TestCode.closeConnection), timeout: .seconds(5))
                }
                #expect(error == .connectionClosed(address: address))
                // The next call reconnects.
                let response = try await client.invoke(address, echoRequest(), timeout: .seconds(3))
                #expect(response.remark == "echo")
                #expect(processor.connects.count == 2)
            }
        }
    }

    @Test("a client without a handler answers server requests REQUEST_CODE_NOT_SUPPORTED")
    func serverToClientWithoutHandler() async throws {
        try await withServer { _, address in
            try await withClient { client in
                let response = try await client.invoke(
                    address, RemotingCommand(code: TestCode.askClient), timeout: .seconds(5))
                #expect(response.remark?.hasSuffix("(3)") == true, "\(response.remark ?? "")")
            }
        }
    }

    @Test("a server-to-client oneway NOTIFY_CONSUMER_IDS_CHANGED reaches the client's handler")
    func serverToClientNotify() async throws {
        try await withServer { _, address in
            let notified = Mutex<[RemotingCommand]>([])
            try await withClient(serverRequestHandler: { request, _ in
                notified.withLock { $0.append(request) }
                return request.response(remark: "must not be sent: the request is oneway")
            }) { client in
                let response = try await client.invoke(
                    address, RemotingCommand(code: TestCode.notifyClient), timeout: .seconds(3))
                #expect(response.remark == "notified")
                try await waitUntil("the notification", timeout: .seconds(5)) { notified.withLock { !$0.isEmpty } }
                let notice = try #require(notified.withLock { $0.first })
                #expect(notice.requestCode == .notifyConsumerIdsChanged)
                #expect(notice.isOneway)
                #expect(notice.extFields["consumerGroup"] == "g1")
                // The client wrote nothing back for the oneway notice, so the connection is still in step.
                #expect(try await client.invoke(address, echoRequest(), timeout: .seconds(3)).remark == "echo")
            }
        }
    }

    @Test("the processor sees each connection once, with ip:port addresses")
    func peerLifecycle() async throws {
        let processor = TestProcessor()
        try await withServer(processor) { server, address in
            try await withClient { client in
                _ = try await client.invoke(address, echoRequest(), timeout: .seconds(3))
            }
            try await waitUntil("the disconnect", timeout: .seconds(5)) { processor.disconnects.count == 1 }
            #expect(processor.connects == processor.disconnects)
            let (remote, local) = try #require(processor.peerAddresses.first)
            #expect(remote.hasPrefix("127.0.0.1:"))
            #expect(local == "127.0.0.1:\(server.localAddress?.port ?? -1)")
        }
    }

    @Test("a signer is applied to every request")
    func signer() async throws {
        struct StaticSigner: RequestSigner {
            func sign(_ request: inout RemotingCommand) { request.extFields["AccessKey"] = "ak" }
        }
        try await withServer { _, address in
            try await withClient { client in
                client.signer = StaticSigner()
                let response = try await client.invoke(address, echoRequest(["topic": "T"]), timeout: .seconds(3))
                #expect(response.extFields == ["topic": "T", "AccessKey": "ak"])
            }
        }
    }
}
