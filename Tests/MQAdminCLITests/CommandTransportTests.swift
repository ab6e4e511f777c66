import Foundation
import MQBroker
import MQTestSupport
import Testing

@testable import MQAdminCLI

/// One-shot commands run over blocking sockets (`BlockingInvoker`), the rest over NIO (`RemotingClient`):
/// the same commands against the same broker print the same, succeed or fail the same, sign the same (ACL).
@Suite(.serialized) struct CommandTransportTests {
    /// Runs `args` once per transport.
    func both(
        _ cli: InProcessRunner, _ args: [String], env: [String: String] = [:]
    ) async throws -> (eventLoop: CommandResult, blocking: CommandResult) {
        let nio = try await CommandTransport.$forced.withValue(.eventLoop) { try await cli.run(args, extraEnv: env) }
        let blocking = try await CommandTransport.$forced.withValue(.blocking) {
            try await cli.run(args, extraEnv: env)
        }
        return (nio, blocking)
    }

    @Test func whichCommandsGetWhichTransport() throws {
        func transport(_ words: [String]) throws -> CommandTransport {
            CommandTransport.of(try MQAdmin.parseAsRoot(words))
        }
        #expect(try transport(["topic", "list"]) == .blocking)
        #expect(try transport(["backlog", "report", "-g", "g"]) == .blocking)
        #expect(try transport(["message", "tail", "T"]) == .blocking)
        #expect(try transport(["message", "tail", "T", "--follow"]) == .eventLoop)
        #expect(try transport(["backlog", "report", "-g", "g", "--watch", "2"]) == .eventLoop)
        #expect(try transport(["message", "consume", "T", "-g", "g"]) == .eventLoop)
        #expect(try transport(["repl"]) == .eventLoop)
    }

    @Test func sameOutputSigningAndRefusalsOverBothTransports() async throws {
        let auth = AuthSettings(enabled: true, initialAdmin: InitialUser(username: "root", password: "root-pw"))
        try await withCluster(brokers: 1, configure: { $0.auth = auth }) { cluster in
            let home = try TempDirectory("transport")
            defer { home.remove() }
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress, home: home.path)
            let root = ["MQADMIN_ACCESS_KEY": "root", "MQADMIN_SECRET_KEY": "root-pw"]
            #expect(try await cli.run(["topic", "create", "T", "-w", "2", "-r", "2"], extraEnv: root).status == 0)
            #expect(try await cli.run(["group", "create", "g"], extraEnv: root).status == 0)

            // Reads print the same, signed with the right secret.
            let reads: [[String]] = [
                ["topic", "list"], ["topic", "describe", "T"], ["topic", "route", "T"], ["group", "list"],
                ["user", "list"], ["acl", "list"], ["topic", "list", "-o", "json"], ["topicList"],
            ]
            var reference: [[String]: String] = [:]
            for args in reads {
                let (nio, blocking) = try await both(cli, args, env: root)
                reference[args] = nio.stdout
                #expect(nio.status == 0, "\(args): \(nio.stderr)")
                #expect(blocking.status == nio.status && blocking.stdout == nio.stdout, "\(args): \(blocking.stderr)")
                #expect(blocking.stderr == nio.stderr, "\(args)")
            }
            // Changes succeed the same (one topic each).
            let nioCreate = try await CommandTransport.$forced.withValue(.eventLoop) {
                try await cli.run(["topic", "create", "topic-nio"], extraEnv: root)
            }
            let blockingCreate = try await CommandTransport.$forced.withValue(.blocking) {
                try await cli.run(["topic", "create", "topic-blk"], extraEnv: root)
            }
            #expect(nioCreate.status == 0 && blockingCreate.status == 0, "\(blockingCreate.stderr)")
            #expect(blockingCreate.stdout == nioCreate.stdout.replacingOccurrences(of: "topic-nio", with: "topic-blk"))

            // No credentials, a wrong secret: the broker refuses; the command reports it the same either way.
            for env in [[:], ["MQADMIN_ACCESS_KEY": "root", "MQADMIN_SECRET_KEY": "wrong"]] {
                for args in [["topic", "list"], ["topic", "create", "refused"], ["user", "list"]] {
                    let (nio, blocking) = try await both(cli, args, env: env)
                    #expect(nio.stdout != reference[args], "\(args) \(env)")
                    #expect(blocking.status == nio.status && blocking.stderr == nio.stderr, "\(blocking.stderr)")
                    #expect(blocking.stdout == nio.stdout, "\(args) \(env)")
                }
            }
        }
    }

    @Test func unreachableAndSilentServersFailTheSame() async throws {
        let home = try TempDirectory("transport-errors")
        defer { home.remove() }
        // Bound, not listening: connection refused.
        let refused = try SilentListener(listening: false)
        defer { refused.close() }
        let nowhere = InProcessRunner(nameServer: "127.0.0.1:\(refused.port)", home: home.path)
        let (nio, blocking) = try await both(nowhere, ["topic", "list"])
        #expect(nio.status != 0 && nio.stderr.contains("connection refused"), "\(nio.stderr)")
        #expect(blocking.status == nio.status && blocking.stderr == nio.stderr, "\(blocking.stderr)")

        // Accepts (the kernel's backlog) but never answers: the request's timeout.
        let silent = try SilentListener(listening: true)
        defer { silent.close() }
        let cli = InProcessRunner(nameServer: "127.0.0.1:\(silent.port)", home: home.path)
        let (nioSilent, blockingSilent) = try await both(cli, ["topic", "list", "--timeout", "300"])
        #expect(nioSilent.status != 0 && nioSilent.stderr.contains("300 ms"), "\(nioSilent.stderr)")
        #expect(blockingSilent.status == nioSilent.status && blockingSilent.stderr == nioSilent.stderr)
    }
}
