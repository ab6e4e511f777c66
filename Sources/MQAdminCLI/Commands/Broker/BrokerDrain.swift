import ArgumentParser
import Foundation
import MQClient

/// `mqadmin broker drain BROKER_NAME [--wait [--wait-timeout D]]`: wipes the broker's write permission on every name
/// server (Apache's wipeWritePerm), then optionally waits until nothing is written to it any more.
struct BrokerDrain: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drain",
        abstract: "Stop producers sending to a broker (before stopping it); undo with `broker undrain`.",
        discussion: "Wipes the write permission of the broker's topics on every name server"
            + " (WIPE_WRITE_PERM_OF_BROKER)."
            + " Producers stop sending to it when they next refresh the route (Java clients: within 30 s)."
            + " With --wait, shows progress on stderr until no name server routes writes to it and its put TPS"
            + " has been 0 for 3 samples a second apart. A name server keeps the wipe until the broker restarts"
            + " or one of its topics changes (docs/compatibility.md).")

    @Argument(help: "The broker name (e.g. broker-a).")
    var brokerName: String

    @Flag(help: "Wait until the broker is drained, then say it is safe to stop.")
    var wait = false

    // Not --timeout: that is every command's request timeout (ConnectionOptions).
    @Option(help: ArgumentHelp("How long --wait waits (e.g. 90s, 5m).", valueName: "duration"))
    var waitTimeout = "5m"

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard let limit = Duration.parse(waitTimeout), limit > .zero else {
            throw ValidationError("--wait-timeout must be a duration such as 90s or 5m")
        }
    }

    func run() async throws {
        let limit = Duration.parse(waitTimeout) ?? .seconds(300)
        let view = try await Session.withClient(connection) { client in
            try await BrokerDrainView.requireKnown(brokerName, client: client)
            var view = BrokerDrainView(
                broker: brokerName, writable: false,
                results: await client.setWritePermissionEverywhere(brokerName: brokerName, writable: false))
            guard wait, view.succeeded else { return view }
            let last = try await BrokerDrain.waitUntilQuiet(client: client, broker: brokerName, limit: limit)
            view.safeToStop = last.isQuiet
            view.putTps = last.putTps
            view.stillConsumed = BrokerDrainView.pending(try await client.backlogSample(), broker: brokerName)
            return view
        }
        Emit.output(view, format: output.output) { view.table() }
        try view.failIfPartial()
        if view.safeToStop == false {
            throw CLIError(
                "broker \(brokerName) is not drained after \(waitTimeout) (put TPS \(view.putTps ?? 0));"
                    + " its writes stay wiped: wait longer with `mqadmin broker drain \(brokerName) --wait`, or undo with"
                    + " `\(view.undo)`")
        }
    }

    /// Samples once a second until 3 quiet samples in a row, or `limit`; returns the last sample.
    static func waitUntilQuiet(client: MQClientInstance, broker: String, limit: Duration) async throws -> DrainSample {
        let deadline = ContinuousClock.now + limit
        var quiet = 0
        while true {
            let sample = try await client.drainSample(brokerName: broker)
            quiet = sample.isQuiet ? quiet + 1 : 0
            let routed = sample.writableOn.isEmpty ? "no name server" : sample.writableOn.joined(separator: ", ")
            Emit.note(
                "draining \(broker): writes routed by \(routed); put TPS \(sample.putTps); quiet samples \(quiet)/3")
            if quiet >= 3 || ContinuousClock.now >= deadline { return sample }
            try await Task.sleep(for: .seconds(1))
        }
    }
}
