import ArgumentParser

/// `-c/--cluster` or `-b/--broker`: where a topic change goes.
struct TopicTargetOptions: ParsableArguments {
    @Option(
        name: [.customShort("c"), .customLong("cluster")],
        help: "Cluster whose masters get the change (default: the only cluster the name server knows).")
    var cluster: String?

    @Option(
        name: [.customShort("b"), .customLong("broker")],
        help: ArgumentHelp("Change only this master broker.", valueName: "host:port"))
    var broker: String?

    func validate() throws {
        if cluster != nil && broker != nil { throw ValidationError("pass either --cluster or --broker, not both") }
        if let broker { try Address.validate(broker, what: "--broker", example: Address.brokerExample) }
    }
}
