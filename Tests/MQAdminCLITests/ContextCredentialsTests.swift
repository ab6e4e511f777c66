import Foundation
import MQTestSupport
import Testing

/// A context signs with its access key and credentials file, against `broker start --auth`, and only when the
/// target came from it; the secret is in neither the contexts file nor the audit log.
@Suite(.serialized) struct ContextCredentialsTests {
    @Test func aContextSignsWithItsCredentialsFileForItsOwnTargetOnly() async throws {
        let dir = try TempDirectory("ctx-auth")
        defer { dir.remove() }
        let secret = "Ctx-Adm1n-secret"
        let pw = dir.sub("admin.pw")
        try (secret + "\n").write(toFile: pw, atomically: true, encoding: .utf8)
        let args = ["--auth", "--admin-user", "root", "--admin-password-file", pw]
        try await withBrokerProcess(dataDirectory: dir.sub("data"), arguments: args) { broker in
            let cli = InProcessRunner(home: dir.sub("home"))
            let ns = broker.nameServer
            let add = ["context", "add", "secure", "-n", ns, "--access-key", "root", "--credentials-file", pw]
            #expect(try await cli.run(add).status == 0)  // the current context
            #expect(try await cli.run(["context", "add", "anon", "-n", ns]).status == 0)

            let created = try await cli.run(["topic", "create", "Signed"])
            #expect(created.status == 0, "\(created.stderr)")
            let anonymous = try await cli.run(["--context", "anon", "topic", "list"])
            #expect(anonymous.status == 5, "\(anonymous.stderr)")
            // -n names the target outright: the context's credentials are not sent there.
            let direct = try await cli.run(["-n", ns, "topic", "list"])
            #expect(direct.status == 5, "\(direct.stderr)")
            // Flags beat the context's credentials: a wrong secret from a file is refused.
            let wrongFile = dir.sub("wrong.pw")
            try "nope\n".write(toFile: wrongFile, atomically: true, encoding: .utf8)
            let wrong = try await cli.run(["topic", "list", "--secret-key-file", wrongFile])
            #expect(wrong.status == 5 && wrong.stderr.contains("signature"), "\(wrong.stderr)")

            for file in [".mqadmin/contexts.json", ".mqadmin/audit.jsonl"] {
                let text = try String(contentsOfFile: dir.sub("home/" + file), encoding: .utf8)
                #expect(!text.contains(secret), "\(file) holds the secret")
            }
        }
    }
}
