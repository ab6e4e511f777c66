import ArgumentParser
import Foundation
import Logging
import MQBroker
import MQGrpc
import MQProtocol
import MQStore
import NIOCore
import NIOPosix
import UnixSignals

extension FlushMode: ExpressibleByArgument {}
extension BrokerRole: ExpressibleByArgument {}

/// `mqadmin broker start`: the bundled name server and broker, in the foreground.
struct BrokerStart: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Run the bundled name server and broker in the foreground until SIGINT or SIGTERM.",
        discussion: """
            Listens on loopback unless told otherwise. Clients (the official RocketMQ clients too) use \
            the name server address, by default 127.0.0.1:9876.
            """
    )

    @OptionGroup var data: DataOptions
    @OptionGroup var clock: ClockOptions

    @Option(help: ArgumentHelp("Name server listen address.", valueName: "host:port"))
    var listen = "127.0.0.1:9876"

    @Option(name: .customLong("broker-listen"), help: ArgumentHelp("Broker listen address.", valueName: "host:port"))
    var brokerListen = "127.0.0.1:10911"

    @Option(
        name: .customLong("grpc-listen"),
        help: ArgumentHelp(
            "Also serve RocketMQ 5 (gRPC) clients here (e.g. 127.0.0.1:8081; a bare port: 127.0.0.1). Off by default.",
            valueName: "host:port"))
    var grpcListen: String?

    @Option(help: "Cluster name.")
    var cluster = "DefaultCluster"

    @Option(name: .customLong("broker-name"), help: "Broker name (unique within the cluster).")
    var brokerName = "broker-a"

    @Option(help: ArgumentHelp("Also register with these name servers (';'-separated).", valueName: "addr"))
    var namesrv: String?

    @Option(help: "Which servers to run: all, namesrv or broker.")
    var role: BrokerRole = .all

    @Option(help: "sync: acknowledge a send only once it is on disk (group commit); async: flush periodically.")
    var flush: FlushMode = .async

    @Flag(inversion: .prefixedNo, help: "Create topics on first send (through the TBW102 template).")
    var autoCreateTopics = true

    @Flag(
        inversion: .prefixedNo,
        help: "Let consumers subscribe with SQL92 property filters (Apache's enablePropertyFilter; off: refused).")
    var propertyFilter = true

    @Option(help: ArgumentHelp("Delete commit-log segments older than this (e.g. 72h, 30m, 7d).", valueName: "duration"))
    var retention = "72h"

    @Option(
        name: .customLong("message-delay-level"),
        help: ArgumentHelp("Delay of each delay level, Apache's messageDelayLevel.", valueName: "levels"))
    var messageDelayLevel = "1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h"

    @Option(
        name: .customLong("timer-max-delay"),
        help: ArgumentHelp(
            "Refuse timer messages due later than this (Apache's timerMaxDelaySec).", valueName: "duration"))
    var timerMaxDelay = "3d"

    @Option(name: .customLong("segment-size"), help: ArgumentHelp("Commit-log segment size in bytes.", visibility: .hidden))
    var segmentSize: Int64 = 1 << 30

    // Tests lower it to wait for a redelivery in milliseconds; Apache's proxy fixes it at 10 s.
    @Option(
        name: .customLong("pop-min-invisible-time"),
        help: ArgumentHelp("The shortest invisible time a POP may ask for.", valueName: "duration", visibility: .hidden))
    var popMinInvisibleTime = "10s"

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = "info"

    @Flag(help: "Require every request to be signed by an ACL user and allowed by its ACL (ACL 2.0).")
    var auth = false

    @Option(
        name: .customLong("admin-user"),
        help: ArgumentHelp("Create this super user at start if missing (password from --admin-password-file or MQADMIN_ADMIN_PASSWORD).", valueName: "name"))
    var adminUser: String?

    @Option(
        name: .customLong("admin-password-file"),
        help: ArgumentHelp("File whose first line is the admin user's password.", valueName: "file"))
    var adminPasswordFile: String?

    @Option(
        name: .customLong("trace-topic"),
        help: ArgumentHelp("Message trace topic the broker creates (1 queue) for tracing clients.", valueName: "topic"))
    var traceTopic = SystemTopics.trace

    @Option(
        name: .customLong("transaction-timeout"),
        help: ArgumentHelp("Age at which a half message is first checked with its producer (transactionTimeOut).", valueName: "duration"))
    var transactionTimeout = "6s"

    @Option(
        name: .customLong("transaction-check-interval"),
        help: ArgumentHelp("How often pending half messages are checked (transactionCheckInterval).", valueName: "duration"))
    var transactionCheckInterval = "30s"

    @Option(
        name: .customLong("transaction-check-max"),
        help: ArgumentHelp("Checks before a half message is moved to TRANS_CHECK_MAX_TIME_TOPIC (transactionCheckMax).", valueName: "n"))
    var transactionCheckMax = 15

    func validate() throws {
        guard Duration.parse(retention) != nil else {
            throw ValidationError("--retention \"\(retention)\" is not a duration; use e.g. 72h, 90m or 7d")
        }
        guard DelayLevels(parsing: messageDelayLevel) != nil else {
            throw ValidationError("--message-delay-level \"\(messageDelayLevel)\" is invalid; use e.g. \"1s 5s 1m 2h\"")
        }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level \"\(logLevel)\" is not one of trace, debug, info, notice, warning, error, critical")
        }
        guard let maxDelay = Duration.parse(timerMaxDelay), maxDelay >= .seconds(1) else {
            throw ValidationError(
                "--timer-max-delay \"\(timerMaxDelay)\" is not a duration of a second or more; use e.g. 3d or 12h")
        }
        guard let popMinimum = Duration.parse(popMinInvisibleTime), popMinimum > .zero,
            popMinimum <= .milliseconds(PopSettings().maxInvisibleTimeMillis)
        else {
            throw ValidationError(
                "--pop-min-invisible-time \"\(popMinInvisibleTime)\" is not a positive duration up to 12h; use e.g. 10s")
        }
        guard let popMinimum = Duration.parse(popMinInvisibleTime), popMinimum > .zero,
            popMinimum <= .milliseconds(PopSettings().maxInvisibleTimeMillis)
        else {
            throw ValidationError(
                "--pop-min-invisible-time \"\(popMinInvisibleTime)\" is not a positive duration up to 12h; use e.g. 10s")
        }
        guard segmentSize >= 64 * 1024 else { throw ValidationError("--segment-size must be at least 65536 bytes") }
        if let why = SystemTopics.validate(topic: traceTopic) { throw ValidationError("--trace-topic: " + why) }
        for (name, value) in [("--transaction-timeout", transactionTimeout), ("--transaction-check-interval", transactionCheckInterval)]
        where Duration.parse(value).map({ $0 > .zero }) != true {
            throw ValidationError("\(name) \"\(value)\" is not a positive duration; use e.g. 6s, 500ms or 1m")
        }
        guard transactionCheckMax > 0 else { throw ValidationError("--transaction-check-max must be at least 1") }
        for (name, value) in [("--listen", listen), ("--broker-listen", brokerListen)] {
            try Address.validate(value, what: name)
        }
        if let grpcAddress {
            try Address.validate(grpcAddress, what: "--grpc-listen", example: "127.0.0.1:8081")
            if role == .namesrv {
                throw ValidationError("--grpc-listen needs a broker; a name server alone serves no clients")
            }
        }
        if adminPasswordFile != nil && adminUser == nil {
            throw ValidationError("--admin-password-file needs --admin-user NAME")
        }
        if role == .namesrv && auth {
            throw ValidationError("--auth needs a broker (its users and ACLs); a name server alone does not check requests")
        }
        if role == .broker && (namesrv ?? "").isEmpty {
            throw ValidationError("--role broker needs --namesrv HOST:PORT to register with")
        }
    }

    func run() async throws {
        let logger = Logs.make("mqadmin.broker", level: Logger.Level(rawValue: logLevel) ?? .info)
        var options = ServerOptions(dataDirectory: data.resolvedDataDirectory)
        options.role = role
        options.nameServerListen = listen
        options.brokerListen = brokerListen
        options.broker.clusterName = cluster
        options.broker.brokerName = brokerName
        options.broker.nameServerAddresses = Address.list(namesrv)
        options.broker.store.flushMode = flush
        options.broker.autoCreateTopicEnable = autoCreateTopics
        options.broker.enablePropertyFilter = propertyFilter
        options.broker.store.retentionHours = Duration.parse(retention).map { $0.hours } ?? 72
        options.broker.store.delayLevels = DelayLevels(parsing: messageDelayLevel) ?? .apacheDefault
        options.broker.store.segmentSize = segmentSize
        options.broker.auth = AuthSettings(enabled: auth, initialAdmin: try initialAdmin())
        options.broker.traceTopic = traceTopic
        options.broker.timer.maxDelaySeconds = Duration.parse(timerMaxDelay)?.components.seconds ?? 3 * 86_400
        options.broker.transactionTimeOutMillis = Duration.parse(transactionTimeout)?.milliseconds ?? 6000
        options.broker.transactionCheckIntervalMillis = Duration.parse(transactionCheckInterval)?.milliseconds ?? 30_000
        options.broker.transactionCheckMax = transactionCheckMax
        options.broker.pop.minInvisibleTimeMillis = Duration.parse(popMinInvisibleTime)?.milliseconds ?? 10_000
        warnIfExposed(logger)
        warnIfTimersOutliveRetention(options.broker, logger)
        warnIfPopsOutliveRetention(options.broker, logger)

        let group = MultiThreadedEventLoopGroup(numberOfThreads: System.coreCount)
        if let grpcAddress, let endpoint = HostPort(grpcAddress) {
            // On the broker's event loops: no threads of its own (docs/architecture.md, "Which code runs where").
            options.frontEnds = [
                GrpcEndpoint(
                    host: endpoint.host, port: endpoint.port, group: group,
                    maxMessageSize: options.broker.store.maxMessageSize, logger: logger)
            ]
        }
        let server = MQServer(options: options, group: group, logger: logger)
        let signals = await UnixSignalsSequence(trapping: .sigint, .sigterm)
        do {
            try await server.start()
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
        for await signal in signals {
            logger.info("received \(signal), shutting down")
            break
        }
        await server.stop()
        try? await group.shutdownGracefully()
    }

    /// The admin user with its password from the file or MQADMIN_ADMIN_PASSWORD; never from argv.
    func initialAdmin() throws -> InitialUser? {
        guard let adminUser else { return nil }
        let password: String
        if let adminPasswordFile {
            password = try SecretInput.file(adminPasswordFile, what: "admin password")
        } else if let env = Console.current.environment["MQADMIN_ADMIN_PASSWORD"], !env.isEmpty {
            password = env
        } else {
            throw CLIError(
                "--admin-user \(adminUser) needs its password in --admin-password-file FILE or MQADMIN_ADMIN_PASSWORD",
                exit: .usage)
        }
        return InitialUser(username: adminUser, password: password)
    }

    /// Timer messages wait in the commit log: retention shorter than the longest delay may delete one unsent.
    func warnIfTimersOutliveRetention(_ broker: BrokerConfig, _ logger: Logger) {
        let retentionSeconds = broker.store.retentionHours * 3600
        guard retentionSeconds < Double(broker.timer.maxDelaySeconds) else { return }
        let why = "a timer message due later than the retention may be deleted before it is delivered"
        logger.warning("--retention \(retention) is shorter than --timer-max-delay \(timerMaxDelay): \(why)")
    }

    /// A popped message waits in the commit log for its ack or its redelivery: retention shorter than the longest
    /// invisible time may delete one popped and not acked before it comes back.
    func warnIfPopsOutliveRetention(_ broker: BrokerConfig, _ logger: Logger) {
        let retentionMillis = broker.store.retentionHours * 3_600_000
        guard retentionMillis < Double(broker.pop.maxInvisibleTimeMillis) else { return }
        let longest = "\(broker.pop.maxInvisibleTimeMillis / 3_600_000)h"
        let why = "a message popped and not acked may be deleted before it is delivered again"
        logger.warning("--retention \(retention) is shorter than the longest POP invisible time (\(longest)): \(why)")
    }

    /// `--grpc-listen` with a bare port completed to loopback, as every listener here defaults to.
    var grpcAddress: String? {
        grpcListen.map { !$0.isEmpty && $0.allSatisfy(\.isNumber) ? "127.0.0.1:" + $0 : $0 }
    }

    func warnIfExposed(_ logger: Logger) {
        guard !auth else { return }
        var listeners = [("--listen", listen), ("--broker-listen", brokerListen)]
        if let grpcAddress { listeners.append(("--grpc-listen", grpcAddress)) }
        for (name, value) in listeners where !Address.isLoopback(value) {
            logger.warning("\(name) \(value) is reachable from other machines and authentication is off")
        }
    }
}
