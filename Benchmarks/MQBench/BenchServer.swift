import Dispatch
import Foundation
import Logging
import MQBroker
import MQStore
import NIOCore
import NIOPosix

/// `mqbench broker start --data D --listen A --broker-listen B --flush F`: the same `MQServer` that
/// `mqadmin broker start` runs, in this smaller binary. Under callgrind (scripts/callgrind-send.sh) it counts the
/// broker's instructions per send without a release build of the whole CLI for every change measured.
enum BenchServer {
    static func run(_ args: [String]) async throws {
        func value(_ name: String) -> String? {
            args.firstIndex(of: name).flatMap { $0 + 1 < args.count ? args[$0 + 1] : nil }
        }
        guard let data = value("--data") else { throw BenchError("broker start needs --data DIR") }
        var options = ServerOptions(dataDirectory: data)
        options.nameServerListen = value("--listen") ?? options.nameServerListen
        options.brokerListen = value("--broker-listen") ?? options.brokerListen
        options.broker.store.flushMode = value("--flush") == "sync" ? .sync : .async
        var logger = Logger(label: "mqbench.broker")
        logger.logLevel = .warning
        let group = MultiThreadedEventLoopGroup(numberOfThreads: System.coreCount)
        let server = MQServer(options: options, group: group, logger: logger)
        try await server.start()
        if let stopFile = value("--stop-file") {
            // Under valgrind (scripts/callgrind-send.sh) the SIGTERM source never fired; the script creates this
            // file instead. A check every 50 ms adds a few instructions per second of the run, not per send.
            while !FileManager.default.fileExists(atPath: stopFile) { try await Task.sleep(for: .milliseconds(50)) }
        } else {
            // SIGTERM (BenchBroker.stop) ends the run with a clean shutdown.
            signal(SIGTERM, SIG_IGN)
            let term = DispatchSource.makeSignalSource(signal: SIGTERM, queue: .global())
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                term.setEventHandler { done.resume() }
                term.resume()
            }
            term.cancel()
        }
        await server.stop()
        try? await group.shutdownGracefully()
    }
}
