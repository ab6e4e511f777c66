/// One broker's share of a topic's queues in a route (wire.md §4.1).
public struct QueueData: Codable, Sendable, Hashable {
    public var brokerName: String
    public var readQueueNums: Int32
    public var writeQueueNums: Int32
    public var perm: Int32
    public var topicSysFlag: Int32

    public init(brokerName: String, readQueueNums: Int32, writeQueueNums: Int32, perm: Int32, topicSysFlag: Int32 = 0)
    {
        self.brokerName = brokerName
        self.readQueueNums = readQueueNums
        self.writeQueueNums = writeQueueNums
        self.perm = perm
        self.topicSysFlag = topicSysFlag
    }

    enum CodingKeys: String, CodingKey { case brokerName, readQueueNums, writeQueueNums, perm, topicSysFlag }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        brokerName = try c.decode(String.self, forKey: .brokerName)
        readQueueNums = try c.decodeIfPresent(Int32.self, forKey: .readQueueNums) ?? 0
        writeQueueNums = try c.decodeIfPresent(Int32.self, forKey: .writeQueueNums) ?? 0
        perm = try c.decodeIfPresent(Int32.self, forKey: .perm) ?? 6
        topicSysFlag = try c.decodeIfPresent(Int32.self, forKey: .topicSysFlag) ?? 0
    }
}

/// A broker group: its cluster, name and addresses by broker id (0 = master).
public struct BrokerData: Codable, Sendable, Hashable {
    public var cluster: String
    public var brokerName: String
    public var brokerAddrs: [Int: String]
    public var zoneName: String?
    public var enableActingMaster: Bool

    public init(cluster: String, brokerName: String, brokerAddrs: [Int: String], enableActingMaster: Bool = false) {
        self.cluster = cluster
        self.brokerName = brokerName
        self.brokerAddrs = brokerAddrs
        self.enableActingMaster = enableActingMaster
    }

    /// The master's address (id 0), if registered.
    public var masterAddress: String? { brokerAddrs[0] }

    enum CodingKeys: String, CodingKey { case cluster, brokerName, brokerAddrs, zoneName, enableActingMaster }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        cluster = try c.decodeIfPresent(String.self, forKey: .cluster) ?? ""
        brokerName = try c.decode(String.self, forKey: .brokerName)
        brokerAddrs = try c.decodeIfPresent([Int: String].self, forKey: .brokerAddrs) ?? [:]
        zoneName = try c.decodeIfPresent(String.self, forKey: .zoneName)
        enableActingMaster = try c.decodeIfPresent(Bool.self, forKey: .enableActingMaster) ?? false
    }
}

/// GET_ROUTEINFO_BY_TOPIC body.
public struct TopicRouteData: Codable, Sendable, Hashable {
    public var orderTopicConf: String?
    public var queueDatas: [QueueData]
    public var brokerDatas: [BrokerData]
    public var filterServerTable: [String: [String]]

    public init(queueDatas: [QueueData], brokerDatas: [BrokerData], orderTopicConf: String? = nil) {
        self.queueDatas = queueDatas
        self.brokerDatas = brokerDatas
        self.orderTopicConf = orderTopicConf
        self.filterServerTable = [:]
    }

    enum CodingKeys: String, CodingKey { case orderTopicConf, queueDatas, brokerDatas, filterServerTable }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        orderTopicConf = try c.decodeIfPresent(String.self, forKey: .orderTopicConf)
        queueDatas = try c.decodeIfPresent([QueueData].self, forKey: .queueDatas) ?? []
        brokerDatas = try c.decodeIfPresent([BrokerData].self, forKey: .brokerDatas) ?? []
        filterServerTable = try c.decodeIfPresent([String: [String]].self, forKey: .filterServerTable) ?? [:]
    }
}

/// GET_BROKER_CLUSTER_INFO body (wire.md §4.3).
public struct ClusterInfo: Codable, Sendable, Hashable {
    public var brokerAddrTable: [String: BrokerData]
    public var clusterAddrTable: [String: [String]]

    public init(brokerAddrTable: [String: BrokerData] = [:], clusterAddrTable: [String: [String]] = [:]) {
        self.brokerAddrTable = brokerAddrTable
        self.clusterAddrTable = clusterAddrTable
    }

    enum CodingKeys: String, CodingKey { case brokerAddrTable, clusterAddrTable }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        brokerAddrTable = try c.decodeIfPresent([String: BrokerData].self, forKey: .brokerAddrTable) ?? [:]
        clusterAddrTable = try c.decodeIfPresent([String: [String]].self, forKey: .clusterAddrTable) ?? [:]
    }
}

/// TopicList body (GET_ALL_TOPIC_LIST_FROM_NAMESERVER, GET_TOPICS_BY_CLUSTER...).
public struct TopicList: Codable, Sendable, Hashable {
    public var topicList: [String]
    public var brokerAddr: String?

    public init(topicList: [String], brokerAddr: String? = nil) {
        self.topicList = topicList
        self.brokerAddr = brokerAddr
    }

    enum CodingKeys: String, CodingKey { case topicList, brokerAddr }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        topicList = try c.decodeIfPresent([String].self, forKey: .topicList) ?? []
        brokerAddr = try c.decodeIfPresent(String.self, forKey: .brokerAddr)
    }
}

/// `{"groupList":[...]}`.
public struct GroupList: Codable, Sendable, Hashable {
    public var groupList: [String]
    public init(groupList: [String]) { self.groupList = groupList }
}

/// `{"table":{...}}`: string key-value pairs (broker runtime info).
public struct KVTable: Codable, Sendable, Hashable {
    public var table: [String: String]
    public init(table: [String: String]) { self.table = table }
}

/// A change counter for configuration tables.
public struct DataVersion: Codable, Sendable, Hashable {
    public var counter: Int64
    public var stateVersion: Int64
    public var timestamp: Int64

    public init(counter: Int64 = 0, stateVersion: Int64 = 0, timestamp: Int64 = 0) {
        self.counter = counter
        self.stateVersion = stateVersion
        self.timestamp = timestamp
    }

    public mutating func bump(now: Int64) {
        counter += 1
        timestamp = now
    }

    enum CodingKeys: String, CodingKey { case counter, stateVersion, timestamp }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        counter = try c.decodeIfPresent(Int64.self, forKey: .counter) ?? 0
        stateVersion = try c.decodeIfPresent(Int64.self, forKey: .stateVersion) ?? 0
        timestamp = try c.decodeIfPresent(Int64.self, forKey: .timestamp) ?? 0
    }
}
