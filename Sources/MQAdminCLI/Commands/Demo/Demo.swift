import ArgumentParser
import Foundation
import Logging
import MQBroker
import MQClient
import MQProtocol
import NIOCore
import NIOPosix

/// `mqadmin demo`: a self-contained tour on a bundled broker.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Start a bundled broker, seed topics, groups and traffic, and tour the main commands.",
        discussion: """
            Creates topics and consumer groups on a fresh data directory (or --data), produces keyed \
            orders, lets one group keep up, one lag behind and one stall, then runs `topic list`, \
            `backlog report` and `message query`. The data is left for you to explore.
            """
    )

    @Option(name: .customLong("data"), help: ArgumentHelp("Data directory (default: a new one under /tmp).", valueName: "dir"))
    var data: String?

    @Option(help: "How many orders to produce.")
    var messages = 2000

    func validate() throws {
        guard (100...1_000_000).contains(messages) else { throw ValidationError("--messages must be between 100 and 1000000") }
    }

    func run() async throws {
        let dir = try data.map { ConnectionOptions.expand($0) } ?? makeDirectory()
        let world = DemoWorld(directory: dir, messages: messages)
        try await world.run()
    }

    func makeDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "mqadmin-demo-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return path
    }
}
