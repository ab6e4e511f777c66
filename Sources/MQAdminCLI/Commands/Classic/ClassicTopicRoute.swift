import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `topicRoute -t TOPIC [-l]`: the route as fastjson's pretty JSON, or a list.
struct ClassicTopicRoute: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topicRoute", abstract: "Examine topic route info (Apache's classic command and output).")

    @Option(name: [.customShort("t"), .customLong("topic")], help: "topic name", completion: .custom(LiveNames.topics))
    var topic: String

    @Flag(name: [.customShort("l"), .customLong("list")], help: "Use list format to print data")
    var list = false

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func validate() throws { try TopicArgs.topic(topic) }

    func run() async throws {
        let route = try await Session.withClient(connection) { try await $0.route(topic: topic, refresh: true) }
        Emit.output(TopicRouteView(topic: topic, route: route), format: output.output) {
            if list { return ClassicLayouts.topicRouteList(route) }
            return FastjsonPretty.string((try? FastJSONEncoder().encodeToValue(route)) ?? .object([])) + "\n"
        }
    }
}
