import MQProtocol
import MQRemoting

/// Who sends a request code; the docs table groups codes by it and the authorization tests iterate
/// the admin rows.
public enum RequestKind: String, Sendable, CaseIterable {
    /// Producers and consumers.
    case client
    /// Reads every client and tool makes to find brokers (name server).
    case discovery
    /// Admin tools (mqadmin, Apache's mqadmin, the dashboard).
    case admin
    /// A broker talking to its name servers.
    case cluster
}

/// Where a row's handler runs (docs/architecture.md, "Which code runs where").
public enum HandlerThread: String, Sendable {
    /// Synchronously on the connection's event loop: in-memory work and reads only.
    case eventLoop = "event loop"
    /// The broker's one send thread: store appends, in arrival order.
    case sendThread = "send thread"
    /// The broker's one admin thread: handlers that write metadata files (fsync), serialized.
    case adminThread = "admin thread"
    /// The broker's one pop thread: every change of POP state (pop, ack, change of invisible time, revive).
    case popThread = "pop thread"
}

/// One row of a server's request-code registry: the code, who may send it, where its handler runs
/// and the handler itself — or why the code is not served (answered REQUEST_CODE_NOT_SUPPORTED).
public struct RequestRoute<Server: Sendable>: Sendable {
    public typealias Handler = @Sendable (Server, RemotingCommand, any RemotingPeer) throws -> ProcessResult

    public let code: RequestCode
    public let kind: RequestKind
    public let access: RequestAccess
    public let thread: HandlerThread
    let handler: Handler?
    /// Why a code is not served, for the docs table.
    public let notServedReason: String?

    public var isServed: Bool { handler != nil }

    /// A code answered with one response.
    public static func answer(
        _ code: RequestCode, _ kind: RequestKind, _ access: RequestAccess, on thread: HandlerThread = .eventLoop,
        _ handle: @escaping @Sendable (Server, RemotingCommand, any RemotingPeer) throws -> RemotingCommand
    ) -> RequestRoute {
        RequestRoute(
            code: code, kind: kind, access: access, thread: thread, handler: { .response(try handle($0, $1, $2)) },
            notServedReason: nil)
    }

    /// A code answered with one response by a handler that does not need the peer.
    public static func answer(
        _ code: RequestCode, _ kind: RequestKind, _ access: RequestAccess, on thread: HandlerThread = .eventLoop,
        _ handle: @escaping @Sendable (Server, RemotingCommand) throws -> RemotingCommand
    ) -> RequestRoute {
        answer(code, kind, access, on: thread) { server, request, _ in try handle(server, request) }
    }

    /// A code whose handler may answer later (long polls, group commit) or not at all.
    public static func process(
        _ code: RequestCode, _ kind: RequestKind, _ access: RequestAccess, on thread: HandlerThread = .eventLoop,
        _ handle: @escaping Handler
    ) -> RequestRoute {
        RequestRoute(code: code, kind: kind, access: access, thread: thread, handler: handle, notServedReason: nil)
    }

    /// A code clients send that this server does not serve yet; `reason` says why.
    public static func notServed(_ code: RequestCode, _ kind: RequestKind, _ access: RequestAccess, reason: String)
        -> RequestRoute
    {
        RequestRoute(code: code, kind: kind, access: access, thread: .eventLoop, handler: nil, notServedReason: reason)
    }
}

/// A row without its handler: what the docs table and the tests read, alike for every server.
public struct RequestRow: Sendable {
    public let code: RequestCode
    public let kind: RequestKind
    public let access: RequestAccess
    public let thread: HandlerThread
    public let isServed: Bool
    public let notServedReason: String?
}

/// A server's registry: its rows, looked up by code. One table per role (broker, name server).
public struct RequestTable<Server: Sendable>: Sendable {
    public let routes: [RequestRoute<Server>]
    private let index: [Int32: Int]

    public init(_ routes: [RequestRoute<Server>]) {
        var index: [Int32: Int] = [:]
        for (i, route) in routes.enumerated() {
            precondition(index[route.code.rawValue] == nil, "\(route.code) has two registry rows")
            index[route.code.rawValue] = i
        }
        self.routes = routes
        self.index = index
    }

    public func route(_ code: Int32) -> RequestRoute<Server>? { index[code].map { routes[$0] } }

    public var rows: [RequestRow] {
        routes.map {
            RequestRow(
                code: $0.code, kind: $0.kind, access: $0.access, thread: $0.thread, isServed: $0.isServed,
                notServedReason: $0.notServedReason)
        }
    }

    /// Runs the row's handler on the calling thread; a thrown error is answered SYSTEM_ERROR with its text,
    /// an unserved or unknown code REQUEST_CODE_NOT_SUPPORTED.
    public static func run(
        _ route: RequestRoute<Server>?, _ server: Server, _ request: RemotingCommand, _ peer: any RemotingPeer
    ) -> ProcessResult {
        guard let handler = route?.handler else { return .response(notSupported(request)) }
        do {
            return try handler(server, request, peer)
        } catch let error as ProtocolError {
            return .response(request.response(.systemError, remark: error.description))
        } catch {
            return .response(request.response(.systemError, remark: "\(error)"))
        }
    }

    /// Apache's answer to a code it has no processor for (the leading space is Apache's).
    public static func notSupported(_ request: RemotingCommand) -> RemotingCommand {
        request.response(.requestCodeNotSupported, remark: " request type \(request.code) not supported")
    }
}
