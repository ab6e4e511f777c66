import MQProtocol
import MQRemoting
import NIOCore
import NIOPosix
import Synchronization

/// A bare TCP connection to a server, for sending hand-made bytes and reading raw frames.
///
/// Received bytes are decoded with `RemotingFrameDecoder` as they arrive; the channel's close future
/// completes when the server closes the connection.
final class RawSocket: Sendable {
    let channel: any Channel
    private let collector: FrameCollector

    private init(channel: any Channel, collector: FrameCollector) {
        self.channel = channel
        self.collector = collector
    }

    static func connect(to address: String) async throws -> RawSocket {
        let target = try RemotingAddress(parsing: address)
        let collector = FrameCollector()
        let channel = try await ClientBootstrap(group: testGroup)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(FrameCollector.Handler(collector: collector))
                }
            }
            .connect(host: target.host, port: target.port).get()
        return RawSocket(channel: channel, collector: collector)
    }

    func send(_ bytes: [UInt8]) async throws {
        try await channel.writeAndFlush(ByteBuffer(bytes: bytes)).get()
    }

    func send(_ command: RemotingCommand) async throws {
        try await channel.writeAndFlush(try RemotingFrameEncoder.frame(command)).get()
    }

    /// Waits for the next complete frame from the server.
    func nextFrame(timeout: Duration = .seconds(5)) async throws -> RemotingCommand {
        try await value(of: collector.next(on: channel.eventLoop), within: timeout, "a frame from the server")
    }

    /// Waits until the server closes the connection.
    func waitUntilClosed(timeout: Duration = .seconds(5)) async throws {
        try await value(of: channel.closeFuture, within: timeout, "the server to close the connection")
    }

    func close() async {
        try? await channel.close().get()
    }
}

/// Decodes frames from a raw connection and hands them to waiting tests in order.
private final class FrameCollector: Sendable {
    private struct State {
        var buffer = ByteBuffer()
        var frames: [RemotingCommand] = []
        var waiters: [EventLoopPromise<RemotingCommand>] = []
    }

    private let state = Mutex(State())

    func receive(_ bytes: ByteBuffer) {
        let ready: [(EventLoopPromise<RemotingCommand>, RemotingCommand)] = state.withLock { state in
            var bytes = bytes
            state.buffer.writeBuffer(&bytes)
            var decoder = RemotingFrameDecoder()
            while let frame = try? decoder.decode(buffer: &state.buffer) { state.frames.append(frame) }
            var ready: [(EventLoopPromise<RemotingCommand>, RemotingCommand)] = []
            while !state.waiters.isEmpty && !state.frames.isEmpty {
                ready.append((state.waiters.removeFirst(), state.frames.removeFirst()))
            }
            return ready
        }
        for (waiter, frame) in ready { waiter.succeed(frame) }
    }

    /// Fails the waiters left when the connection closes (NIO traps on promises that are never completed).
    func closed() {
        let waiters = state.withLock { state in
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.fail(ChannelError.eof) }
    }

    func next(on loop: any EventLoop) -> EventLoopFuture<RemotingCommand> {
        state.withLock { state in
            if !state.frames.isEmpty { return loop.makeSucceededFuture(state.frames.removeFirst()) }
            let promise = loop.makePromise(of: RemotingCommand.self)
            state.waiters.append(promise)
            return promise.futureResult
        }
    }

    final class Handler: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        let collector: FrameCollector

        init(collector: FrameCollector) {
            self.collector = collector
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            collector.receive(unwrapInboundIn(data))
        }

        func channelInactive(context: ChannelHandlerContext) {
            collector.closed()
            context.fireChannelInactive()
        }
    }
}
