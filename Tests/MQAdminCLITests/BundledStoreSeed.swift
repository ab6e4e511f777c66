import Foundation
import MQBroker
import MQClient
import NIOPosix

/// Commands never create a bundled store (only `broker start` and `demo` do): tests of the embedded default
/// first give their data directory one, by opening the bundled broker in this process and closing it (awaited).
func seedBundledStore(_ dataDirectory: String) async throws {
    let (client, invoker) = MQClientInstance.inProcess(
        nameServers: [EmbeddedBroker.nameServerAddress], group: MultiThreadedEventLoopGroup.singleton,
        logger: MessageFixtures.quiet)
    let broker = EmbeddedBroker(
        dataDirectory: dataDirectory, group: MultiThreadedEventLoopGroup.singleton, logger: MessageFixtures.quiet)
    do {
        try await broker.start(invoker: invoker)
    } catch {
        await client.shutdown()
        throw error
    }
    await client.shutdown()
    await broker.stop()
}
