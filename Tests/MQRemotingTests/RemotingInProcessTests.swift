import MQProtocol
import MQRemoting
import MQTestSupport
import NIOCore
import Synchronization
import Testing

/// The same processor answered through `InProcessInvoker`, without sockets.
@Suite("Remoting in-process invoker", .timeLimit(.minutes(1)))
struct RemotingInProcessTests {
    let address = "embedded:9876"

    @Test("the processor answers with the request's opaque and flags, like over TCP")
    func echo() async throws {
        let invoker = InProcessInvoker(group: testGroup)
        invoker.register(address: address, processor: TestProcessor())
        let response = try await invoker.invoke(address, echoRequest(["topic": "T"], body: "hi"), timeout: .seconds(3))
        #expect(response.isResponse && !response.isOneway)
        #expect(response.remark == "echo")
        #expect(response.extFields == ["topic": "T"])
        #expect(response.body.map { String(buffer: $0) } == "hi")
    }

    @Test("TCP and in-process give the same answers for the same processor")
    func sameAsTCP() async throws {
        let processor = TestProcessor()
        let invoker = InProcessInvoker(group: testGroup)
        invoker.register(address: address, processor: processor)
        try await withServer(processor) { _, tcpAddress in
            try await withClient { client in
                for code in [TestCode.echo, TestCode.deferred, TestCode.failing, 9999] {
                    var request = RemotingCommand(code: code, extFields: ["k": "v"])
                    request.serializeType = .rocketmq
                    let overTCP = try await client.invoke(tcpAddress, request, timeout: .seconds(3))
                    let inProcess = try await invoker.invoke(address, request, timeout: .seconds(3))
                    #expect(overTCP.code == inProcess.code, "code \(code)")
                    #expect(overTCP.remark == inProcess.remark, "code \(code)")
                    #expect(overTCP.extFields == inProcess.extFields, "code \(code)")
                    #expect(overTCP.flag == inProcess.flag, "code \(code)")
                    #expect(overTCP.serializeType == inProcess.serializeType, "code \(code)")
                }
            }
        }
    }

    @Test("1,000 concurrent in-process invokes are each answered with their own response")
    func concurrent() async throws {
        let invoker = InProcessInvoker(group: testGroup)
        invoker.register(address: address, processor: TestProcessor())
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<1000 {
                group.addTask { [address] in
                    let response = try await invoker.invoke(address, echoRequest(["n": "\(i)"]), timeout: .seconds(5))
                    #expect(response.extFields["n"] == "\(i)")
                }
            }
            try await group.waitForAll()
        }
    }

    @Test("no response and unanswered requests time out; oneway requests reach the processor")
    func timeoutAndOneway() async throws {
        let processor = TestProcessor()
        let invoker = InProcessInvoker(group: testGroup)
        invoker.register(address: address, processor: processor)
        let error = await expectRemotingError {
            _ = try await invoker.invoke(address, RemotingCommand(code: TestCode.silent), timeout: .milliseconds(100))
        }
        #expect(error == .timeout(address: address, millis: 100))
        try await invoker.invokeOneway(address, RemotingCommand(code: TestCode.answerAlways))
        try await processor.waitForRequest(code: TestCode.answerAlways)
        #expect(processor.requests.last?.isOneway == true)
    }

    @Test("the processor's peer reaches the invoker's server request handler")
    func serverToClient() async throws {
        let notified = Mutex<[RemotingCommand]>([])
        let invoker = InProcessInvoker(group: testGroup) { request, from in
            notified.withLock { $0.append(request) }
            return request.response(remark: "in-process client of \(from)")
        }
        invoker.register(address: address, processor: TestProcessor())
        let asked = try await invoker.invoke(address, RemotingCommand(code: TestCode.askClient), timeout: .seconds(3))
        #expect(asked.remark == "client said in-process client of \(address) (0)")
        _ = try await invoker.invoke(address, RemotingCommand(code: TestCode.notifyClient), timeout: .seconds(3))
        try await waitUntil("the notification", timeout: .seconds(5)) { notified.withLock { $0.count == 2 } }
        #expect(notified.withLock { $0.last?.requestCode } == .notifyConsumerIdsChanged)
        #expect(notified.withLock { $0.last?.isOneway } == true)
    }

    @Test("a server request handler that returns nil answers later through the invoker's reply")
    func serverToClientAnsweredLater() async throws {
        let box = Mutex<InProcessInvoker?>(nil)
        let invoker = InProcessInvoker(group: testGroup) { request, from in
            let target = box.withLock { $0 }
            Task { target?.reply(request.response(remark: "later, \(from)"), to: request, at: from) }
            return nil
        }
        box.withLock { $0 = invoker }
        invoker.register(address: address, processor: TestProcessor())
        let asked = try await invoker.invoke(address, RemotingCommand(code: TestCode.askClient), timeout: .seconds(3))
        #expect(asked.remark == "client said later, \(address) (0)")
    }

    @Test("unknown and malformed addresses fail like TCP; unregister and close end the session")
    func sessions() async throws {
        let processor = TestProcessor()
        let invoker = InProcessInvoker(group: testGroup)
        let unknown = await expectRemotingError {
            _ = try await invoker.invoke(address, echoRequest(), timeout: .seconds(1))
        }
        #expect(unknown == .connectFailed(address: address, reason: "nothing is registered at this in-process address"))
        let malformed = await expectRemotingError {
            _ = try await invoker.invoke("embedded", echoRequest(), timeout: .seconds(1))
        }
        #expect(malformed == .invalidAddress("embedded"))

        invoker.register(address: address, processor: processor)
        _ = try await invoker.invoke(address, echoRequest(), timeout: .seconds(3))
        _ = try await invoker.invoke(address, echoRequest(), timeout: .seconds(3))
        #expect(processor.connects.count == 1, "one session per address")
        #expect(processor.peerAddresses.first?.local == address)
        #expect(processor.peerAddresses.first?.remote.hasPrefix("in-process:") == true)

        let pending = Task { [address] in
            try await invoker.invoke(address, RemotingCommand(code: TestCode.silent), timeout: .seconds(20))
        }
        try await processor.waitForRequest(code: TestCode.silent)
        invoker.unregister(address: address)
        let dropped = await expectRemotingError { _ = try await pending.value }
        #expect(dropped == .connectionClosed(address: address), "a pending call fails when its session ends")
        try await waitUntil("the disconnect", timeout: .seconds(5)) { processor.disconnects.count == 1 }
        #expect(processor.connects == processor.disconnects)

        invoker.register(address: address, processor: processor)
        _ = try await invoker.invoke(address, echoRequest(), timeout: .seconds(3))
        #expect(processor.connects.count == 2)
        invoker.close()
        try await waitUntil("the second disconnect", timeout: .seconds(5)) { processor.disconnects.count == 2 }
        let closed = await expectRemotingError {
            _ = try await invoker.invoke(address, echoRequest(), timeout: .seconds(1))
        }
        #expect(closed == .closed)
    }
}
