import Foundation
import Histogram
import Logging
import MQBroker
import MQClient
import MQGrpc
import MQProtocol
import NIOCore
import NIOPosix
import Synchronization

/// The gRPC endpoint beside remoting on one broker: a bundled name server and broker in this process with
/// `--grpc-listen 127.0.0.1:0`, so both protocols reach the same BrokerCore and both clients share the cores with
/// it alike (process CPU time per message counts client and broker together, for either protocol).
final class GrpcBenchBroker: Sendable {
    let server: MQServer
    let group: MultiThreadedEventLoopGroup

    init(data: String) {
        group = MultiThreadedEventLoopGroup(numberOfThreads: System.coreCount)
        var logger = Logger(label: "mqbench.grpc")
        logger.logLevel = .error
        var options = ServerOptions(dataDirectory: data)
        options.nameServerListen = "127.0.0.1:0"
        options.brokerListen = "127.0.0.1:0"
        options.broker.store.flushMode = .async
        options.frontEnds = [
            GrpcEndpoint(
                host: "127.0.0.1", port: 0, group: group, maxMessageSize: options.broker.store.maxMessageSize,
                logger: logger)
        ]
        server = MQServer(options: options, group: group, logger: logger)
    }

    func start() async throws { try await server.start() }

    var nameServer: String { server.nameServerAddress ?? "" }
    var broker: String { server.brokerAddress ?? "" }
    var grpcPort: Int { server.frontEndAddresses["grpc"].flatMap { HostPort($0)?.port } ?? 0 }

    func stop() async {
        await server.stop()
        try? await group.shutdownGracefully()
    }
}

enum GrpcBench {
    /// A timed run of one send shape.
    struct Sends {
        var messages: Int
        var seconds: Double
        var p50: Double
        var p99: Double
        /// Process CPU (user + system, client and broker) per message, µs.
        var cpuMicros: Double
        var rate: Double { Double(messages) / seconds }
        func mbps(_ size: Int) -> Double { rate * Double(size) / 1_048_576 }
    }

    /// `concurrency` tasks each sending one message per call, back to back, for `duration` seconds;
    /// `send(worker, i)` sends the i-th message of a worker and says whether it was stored.
    static func sends(
        concurrency: Int, duration: Double, _ send: @escaping @Sendable (Int, Int) async throws -> Bool
    ) async throws -> Sends {
        // Warm up: connections, the route, the first allocations of each path.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for w in 0..<concurrency {
                group.addTask { for i in 0..<20 where try await !send(w, -1 - i) { throw BenchError("warm-up") } }
            }
            try await group.waitForAll()
        }
        let cpuBefore = processCPUSeconds()
        let start = ContinuousClock.now
        let deadline = start + .milliseconds(Int(duration * 1000))
        let histograms = try await withThrowingTaskGroup(of: Histogram<UInt64>.self) { group in
            for w in 0..<concurrency {
                group.addTask {
                    var h = Histogram<UInt64>(highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: .three)
                    var i = 0
                    while ContinuousClock.now < deadline {
                        let t = ContinuousClock.now
                        guard try await send(w, i) else { throw BenchError("a send was refused") }
                        _ = h.record(UInt64(max(1, (ContinuousClock.now - t) / .microseconds(1))))
                        i += 1
                    }
                    return h
                }
            }
            return try await group.reduce(into: [Histogram<UInt64>]()) { $0.append($1) }
        }
        let elapsed = seconds(since: start)
        let cpu = processCPUSeconds() - cpuBefore
        var all = Histogram<UInt64>(highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: .three)
        for h in histograms { all.add(h) }
        let n = Int(all.totalCount)
        return Sends(
            messages: n, seconds: elapsed, p50: Double(all.valueAtPercentile(50)) / 1000,
            p99: Double(all.valueAtPercentile(99)) / 1000, cpuMicros: n > 0 ? cpu * 1e6 / Double(n) : 0)
    }

    /// `concurrency` consumers drain `total` preloaded messages; `round()` receives (and acks) one batch and returns
    /// its size. Timed until the last message was acked; consumers then parked in an empty long poll are cancelled.
    static func drain(
        total: Int, concurrency: Int, _ round: @escaping @Sendable () async throws -> Int
    ) async throws -> (rate: Double, cpuMicros: Double) {
        let progress = DrainProgress()
        let cpuBefore = processCPUSeconds()
        let start = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<concurrency {
                group.addTask {
                    while progress.state.withLock({ $0.count }) < total {
                        let n = try await round()
                        progress.state.withLock { p in
                            p.count += n
                            if p.count >= total, p.end == nil { p.end = .now }
                        }
                    }
                }
            }
            // The first consumer to finish saw the last message acked: the rest may sit in a long poll.
            do {
                try await group.next()
            } catch {
                group.cancelAll()
                throw error
            }
            // Everything was acked (checked below): how the cancelled calls end (each client has its own
            // cancellation error) does not matter.
            group.cancelAll()
            while await group.nextResult() != nil {}
        }
        let (count, end) = progress.state.withLock { ($0.count, $0.end) }
        let cpu = processCPUSeconds() - cpuBefore
        guard count == total, let end else { throw BenchError("drained \(count) of \(total) messages") }
        let secs = Double((end - start) / .microseconds(1)) / 1e6
        return (Double(total) / secs, cpu * 1e6 / Double(total))
    }

    /// User + system CPU seconds of this process so far.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        func secs(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return secs(usage.ru_utime) + secs(usage.ru_stime)
    }
}

/// Messages drained so far and when the last one was acked, shared by the consumers of one drain.
final class DrainProgress: Sendable {
    let state = Mutex<(count: Int, end: ContinuousClock.Instant?)>((0, nil))
}
