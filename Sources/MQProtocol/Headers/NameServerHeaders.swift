/// A header whose only field is a topic (GET_ROUTEINFO_BY_TOPIC, DELETE_TOPIC_IN_BROKER, GET_TOPIC_STATS_INFO...).
public struct TopicHeader: CommandHeader, Equatable {
    public var topic: String

    public init(topic: String) {
        self.topic = topic
    }

    public init(fields f: HeaderFields) throws {
        topic = try f.require("topic")
    }

    public func encode(into f: inout [String: String]) {
        f["topic"] = topic
    }
}

/// REGISTER_BROKER (103) / UNREGISTER_BROKER (104).
public struct RegisterBrokerRequestHeader: CommandHeader, Equatable {
    public var brokerName: String
    public var brokerAddr: String
    public var clusterName: String
    public var haServerAddr: String
    public var brokerId: Int64
    public var heartbeatTimeoutMillis: Int64?
    public var compressed: Bool = false
    public var bodyCrc32: Int32 = 0

    public init(brokerName: String, brokerAddr: String, clusterName: String, brokerId: Int64 = 0) {
        self.brokerName = brokerName
        self.brokerAddr = brokerAddr
        self.clusterName = clusterName
        self.haServerAddr = brokerAddr
        self.brokerId = brokerId
    }

    public init(fields f: HeaderFields) throws {
        brokerName = try f.require("brokerName")
        brokerAddr = try f.require("brokerAddr")
        clusterName = try f.require("clusterName")
        haServerAddr = f.string("haServerAddr") ?? ""
        brokerId = try f.int64("brokerId") ?? 0
        heartbeatTimeoutMillis = try f.int64("heartbeatTimeoutMillis")
        compressed = f.bool("compressed") ?? false
        bodyCrc32 = try f.int32("bodyCrc32") ?? 0
    }

    public func encode(into f: inout [String: String]) {
        f["brokerName"] = brokerName
        f["brokerAddr"] = brokerAddr
        f["clusterName"] = clusterName
        f["haServerAddr"] = haServerAddr
        f.put("brokerId", brokerId)
        f.put("heartbeatTimeoutMillis", heartbeatTimeoutMillis)
        f.put("compressed", compressed)
        f.put("bodyCrc32", bodyCrc32)
    }
}

/// REGISTER_BROKER response header.
public struct RegisterBrokerResponseHeader: CommandHeader, Equatable {
    public var haServerAddr: String?
    public var masterAddr: String?

    public init(haServerAddr: String? = nil, masterAddr: String? = nil) {
        self.haServerAddr = haServerAddr
        self.masterAddr = masterAddr
    }

    public init(fields f: HeaderFields) throws {
        haServerAddr = f.string("haServerAddr")
        masterAddr = f.string("masterAddr")
    }

    public func encode(into f: inout [String: String]) {
        f.put("haServerAddr", haServerAddr)
        f.put("masterAddr", masterAddr)
    }
}

/// DELETE_TOPIC_IN_NAMESRV (216).
public struct DeleteTopicFromNamesrvRequestHeader: CommandHeader, Equatable {
    public var topic: String
    public var clusterName: String?

    public init(topic: String, clusterName: String? = nil) {
        self.topic = topic
        self.clusterName = clusterName
    }

    public init(fields f: HeaderFields) throws {
        topic = try f.require("topic")
        clusterName = f.string("clusterName").flatMap { $0.isEmpty ? nil : $0 }
    }

    public func encode(into f: inout [String: String]) {
        f["topic"] = topic
        f.put("clusterName", clusterName)
    }
}

/// GET_TOPICS_BY_CLUSTER (224).
public struct ClusterHeader: CommandHeader, Equatable {
    public var cluster: String

    public init(cluster: String) {
        self.cluster = cluster
    }

    public init(fields f: HeaderFields) throws {
        cluster = try f.require("cluster")
    }

    public func encode(into f: inout [String: String]) {
        f["cluster"] = cluster
    }
}
