import Foundation
import MQProtocol
import MQTestSupport
import NIOCore
import Testing

/// The request signature against the official C++ client's captured frames (cpp-client-frames.md §2).
@Suite struct AuthSignatureTests {
    struct Captured: Decodable {
        var flow: String
        var dir: String
        var header: String
        var body_hex: String
    }

    static func requests() throws -> [(flow: String, command: RemotingCommand)] {
        let path = TestPaths.packageRoot + "/Tests/MQProtocolTests/Fixtures/cpp-client-frames.jsonl"
        return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").compactMap { line in
            let cap = try JSONDecoder().decode(Captured.self, from: Data(line.utf8))
            guard cap.dir == "c2s" else { return nil }
            var command = try Array(cap.header.utf8).withUnsafeBytes { try HeaderCodec.readJSON($0) }
            var bytes: [UInt8] = []
            var hex = cap.body_hex[...]
            while hex.count >= 2 {
                bytes.append(UInt8(hex.prefix(2), radix: 16)!)
                hex = hex.dropFirst(2)
            }
            if !bytes.isEmpty { command.body = ByteBuffer(bytes: bytes) }
            return (cap.flow, command)
        }
    }

    @Test func everyCapturedRequestVerifiesWithTheClientsSecret() throws {
        let requests = try Self.requests()
        #expect(requests.count == 312)
        var withCredentials = 0
        for (flow, command) in requests {
            let secret = flow == "credentials" ? "secret123" : ""
            if flow == "credentials" { withCredentials += 1 }
            #expect(AclSignature.verify(command, secret: secret), "\(flow) code \(command.code)")
            #expect(!AclSignature.verify(command, secret: "wrong"))
        }
        #expect(withCredentials == 4)
    }

    @Test func workedExampleFromTheCapture() throws {
        let send = try #require(try Self.requests().first { $0.flow == "credentials" && $0.command.code == 10 })
        let content = AclSignature.content(of: send.command)
        #expect(String(decoding: content.prefix(19), as: UTF8.self) == "alice01795597840756")
        #expect(AclSignature.signature(content: content, secret: "secret123") == "Oo7eIbzaECUbBJ22lgZcyriXmII=")
        let route = RemotingCommand(code: 105, extFields: ["AccessKey": "", "OnsChannel": "ALIYUN", "topic": "TopicTest"])
        #expect(
            AclSignature.signature(content: AclSignature.content(of: route), secret: "")
                == "N/YT7X6tJe5UfutmW+uNwTTJ7Fc=")
    }

    @Test func signerOutputVerifiesAndTamperingBreaksIt() {
        var request = RemotingCommand.request(.queryMessage, header: nil, body: ByteBuffer(string: "payload"))
        request.extFields["topic"] = "orders"
        request.extFields["_UNIQUE_KEY_QUERY"] = "true"
        AclSignature.sign(&request, accessKey: "bob", secretKey: "s3cret")
        #expect(request.extFields["AccessKey"] == "bob")
        #expect(AclSignature.verify(request, secret: "s3cret"))
        var tampered = request
        tampered.extFields["topic"] = "payments"
        #expect(!AclSignature.verify(tampered, secret: "s3cret"))
        var body = request
        body.body = ByteBuffer(string: "payloaD")
        #expect(!AclSignature.verify(body, secret: "s3cret"))
        // Old clients (≤ V4_9_3) added _UNIQUE_KEY_QUERY after signing; brokers leave it out for them.
        var old = RemotingCommand(code: 12, version: 399, extFields: ["topic": "orders"])
        AclSignature.sign(&old, accessKey: "bob", secretKey: "s3cret")
        old.extFields["_UNIQUE_KEY_QUERY"] = "false"
        #expect(AclSignature.verify(old, secret: "s3cret"))
    }

    @Test func keysSortLikeJavasTreeMap() {
        let fields = ["b": "2", "B": "1", "a": "3", "AccessKey": "k", "Signature": "x"]
        #expect(String(decoding: AclSignature.content(fields: fields, body: nil), as: UTF8.self) == "k132")
    }
}
