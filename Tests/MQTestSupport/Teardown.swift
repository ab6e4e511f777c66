import Foundation
import MQBroker
import MQStore

/// Runs `body`, then `teardown`, and waits for both, whether `body` returned or threw.
///
/// Swift Testing has no async `deinit`, and `defer { Task { await x.stop() } }` lets the next test start while
/// this one's brokers still shut down (ports and files linger, shutdown failures go unseen). This is the scoped
/// form instead. An error of `body` is rethrown (a teardown failing after it is secondary); a teardown failing
/// after `body` succeeded is thrown, so a shutdown that goes wrong fails the test.
public func withTeardown<T>(
    isolation: isolated (any Actor)? = #isolation,
    _ body: () async throws -> T,
    teardown: () async throws -> Void
) async throws -> T {
    let result: T
    do {
        result = try await body()
    } catch {
        try? await teardown()
        throw error
    }
    try await teardown()
    return result
}

/// Starts an in-process cluster (see `InProcessCluster.start`), runs `body` with it, and stops it, awaited,
/// whether `body` returned or threw.
public func withCluster<T>(
    isolation: isolated (any Actor)? = #isolation,
    brokers: Int = 1, flush: FlushMode = .async, configure: @Sendable (inout BrokerConfig) -> Void = { _ in },
    _ body: (InProcessCluster) async throws -> T
) async throws -> T {
    let cluster = try await InProcessCluster.start(brokers: brokers, flush: flush, configure: configure)
    return try await withTeardown {
        try await body(cluster)
    } teardown: {
        await cluster.stop()
    }
}

/// Starts `mqadmin broker start` on `dataDirectory`, waits until it serves, runs `body` with it, and stops it
/// (SIGTERM, then waits for the exit, at most 30 s) whether `body` returned or threw. A broker the test already
/// stopped or killed is left as it is; one that does not exit cleanly on this SIGTERM, or that exited on its own,
/// fails the call.
public func withBrokerProcess<T>(
    isolation: isolated (any Actor)? = #isolation,
    dataDirectory: String, arguments: [String] = [], logPath: String? = nil,
    _ body: (BrokerProcess) async throws -> T
) async throws -> T {
    let broker = try BrokerProcess(dataDirectory: dataDirectory, arguments: arguments, logPath: logPath)
    return try await withTeardown {
        try await broker.waitUntilReady()
        return try await body(broker)
    } teardown: {
        try await broker.stopChecked()
    }
}

/// Stops every broker as `BrokerProcess.stopChecked()` does, all of them even when one fails, then throws the
/// first failure.
public func stopAllChecked(_ brokers: [BrokerProcess]) async throws {
    var failures: [any Error] = []
    for broker in brokers {
        do { try await broker.stopChecked() } catch { failures.append(error) }
    }
    if let first = failures.first { throw first }
}
