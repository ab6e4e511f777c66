// swift-tools-version:6.1
import PackageDescription

let nioCore: Target.Dependency = .product(name: "NIOCore", package: "swift-nio")
let nioPosix: Target.Dependency = .product(name: "NIOPosix", package: "swift-nio")
let logging: Target.Dependency = .product(name: "Logging", package: "swift-log")

let package = Package(
    name: "mqadmin",
    products: [
        .executable(name: "mqadmin", targets: ["mqadmin"]),
        .executable(name: "mqbench", targets: ["MQBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.7.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift.git", from: "0.2.0"),
        // The gRPC (RocketMQ v5) endpoint only: linked by MQGrpc (so MQAdminCLI, mqbench) and MQGrpcTests.
        .package(url: "https://github.com/grpc/grpc-swift-2.git", from: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport.git", from: "2.9.2"),
        .package(url: "https://github.com/grpc/grpc-swift-protobuf.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.39.0"),
    ],
    targets: [
        // CRC-32 with carry-less multiplication (no library here has it; Sources/CCRC32/ccrc32.c says why).
        .target(name: "CCRC32"),
        // Pure wire code: frames, headers, JSON (fastjson-tolerant), message codec, ACL signatures and
        // decisions. No I/O.
        .target(
            name: "MQProtocol",
            dependencies: [
                "CCRC32", nioCore, .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        // Commit log, consume queues, key index, metadata files, recovery, retention.
        .target(name: "MQStore", dependencies: ["MQProtocol", nioCore, logging]),
        // TCP transport over SwiftNIO: server bootstrap, client connections, opaque matching.
        .target(name: "MQRemoting", dependencies: ["MQProtocol", nioCore, nioPosix, logging]),
        // Name server + broker request processors.
        .target(name: "MQBroker", dependencies: ["MQProtocol", "MQStore", "MQRemoting", nioCore, nioPosix, logging]),
        // Producer, consumer and admin client API.
        .target(name: "MQClient", dependencies: ["MQProtocol", "MQRemoting", nioCore, nioPosix, logging]),
        // `mqadmin bench`: the run engine (producers/consumers as tasks, pacing, histograms) and its result types.
        .target(name: "MQBenchKit", dependencies: [
            "MQClient", "MQProtocol", nioCore, .product(name: "Histogram", package: "hdrhistogram-swift"),
        ]),
        // The RocketMQ v5 gRPC endpoint (apache.rocketmq.v2.MessagingService) in front of BrokerCore. Generated
        // messages and stubs are committed (scripts/generate-grpc.sh); the .proto sources are not compiled here.
        .target(
            name: "MQGrpc",
            dependencies: [
                "MQBroker", "MQProtocol", "MQRemoting", nioCore, nioPosix, logging,
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            exclude: ["Protos"]),
        // GNU readline (Debian's libreadline-dev), behind a small C shim that owns readline's globals.
        .systemLibrary(name: "CReadline", providers: [.apt(["libreadline-dev"])]),
        // Line sources for the REPL: readline on a terminal, plain reads otherwise.
        .target(name: "MQLineEditor", dependencies: ["CReadline"]),
        // Command tree, rendering, REPL.
        .target(name: "MQAdminCLI", dependencies: [
            "MQProtocol", "MQStore", "MQBroker", "MQGrpc", "MQClient", "MQRemoting", "MQLineEditor", "MQBenchKit",
            nioCore, nioPosix, logging,
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            // YAML for `metadata export/apply` files only.
            .product(name: "Yams", package: "Yams"),
        ]),
        .executableTarget(name: "mqadmin", dependencies: ["MQAdminCLI"]),

        // Benchmarks: a program that prints figures beside this machine's limits (docs/performance.md).
        .executableTarget(
            name: "MQBench",
            dependencies: [
                "MQClient", "MQBroker", "MQProtocol", "MQRemoting", "MQGrpc", nioCore, nioPosix, logging,
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ],
            path: "Benchmarks/MQBench"),
        .executableTarget(name: "mqbench-trivial", path: "Benchmarks/Trivial"),

        .testTarget(
            name: "MQProtocolTests",
            dependencies: [
                "MQProtocol", nioCore,
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOTestUtils", package: "swift-nio"),
            ],
            exclude: ["Fixtures"]),
        // Helpers shared by the test targets: temp dirs, in-process clusters, broker processes, Python peers.
        .target(
            name: "MQTestSupport",
            dependencies: ["MQBroker", "MQClient", "MQRemoting", "MQStore", "MQProtocol", nioCore, nioPosix, logging],
            path: "Tests/MQTestSupport"),
        .testTarget(name: "MQStoreTests", dependencies: ["MQStore", "MQProtocol", nioCore, logging]),
        .testTarget(name: "MQBrokerTests", dependencies: [
            "MQTestSupport", "MQBroker", "MQClient", "MQRemoting", "MQStore", "MQProtocol", nioCore, nioPosix, logging,
            .product(name: "NIOEmbedded", package: "swift-nio"),
        ]),
        // The transport: connections, request/response, hostile input, lifecycle (and a broker under network attack).
        .testTarget(
            name: "MQRemotingTests",
            dependencies: ["MQTestSupport", "MQClient", "MQBroker", "MQRemoting", "MQProtocol", nioCore, nioPosix]),
        // Client logic against in-process brokers: producer, push consumer (rebalancing, offsets), admin fan-out,
        // offset plans, backlog computation.
        .testTarget(name: "MQClientTests", dependencies: ["MQTestSupport", "MQClient", "MQBroker", "MQProtocol", nioCore]),
        .testTarget(
            name: "MQAdminCLITests",
            dependencies: [
                "MQTestSupport", "MQAdminCLI", "MQBenchKit", "MQClient", "MQProtocol", "MQBroker", "MQStore", nioCore,
            ],
            exclude: ["python"]),
        // Apache's own tools against real Apache servers, captured frame by frame: the oracle for our shapes.
        .testTarget(
            name: "ApacheFrameTests",
            dependencies: ["MQTestSupport", "MQBroker", "MQClient", "MQRemoting", "MQProtocol", nioCore, nioPosix, logging],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "InteropTests", dependencies: ["MQTestSupport", "MQClient", "MQProtocol", nioCore, nioPosix],
            exclude: ["python"]),
        // The gRPC endpoint through the generated Swift client over loopback, and the Python v5 client against it.
        .testTarget(
            name: "MQGrpcTests",
            dependencies: [
                "MQGrpc", "MQTestSupport", "MQBroker", "MQProtocol", nioCore, nioPosix,
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ]),
    ]
)
