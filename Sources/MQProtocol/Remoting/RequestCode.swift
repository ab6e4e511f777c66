/// Request codes of the remoting protocol (wire.md §2.1, apache/rocketmq RequestCode.java).
public struct RequestCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    init(_ v: Int32) { rawValue = v }

    // Producer / consumer.
    public static let sendMessage = RequestCode(10)
    public static let pullMessage = RequestCode(11)
    public static let queryMessage = RequestCode(12)
    public static let queryBrokerOffset = RequestCode(13)
    public static let queryConsumerOffset = RequestCode(14)
    public static let updateConsumerOffset = RequestCode(15)
    public static let updateAndCreateTopic = RequestCode(17)
    public static let updateAndCreateTopicList = RequestCode(18)
    public static let getAllTopicConfig = RequestCode(21)
    public static let getTopicConfigList = RequestCode(22)
    public static let getTopicNameList = RequestCode(23)
    public static let updateBrokerConfig = RequestCode(25)
    public static let getBrokerConfig = RequestCode(26)
    public static let triggerDeleteFiles = RequestCode(27)
    public static let getBrokerRuntimeInfo = RequestCode(28)
    public static let searchOffsetByTimestamp = RequestCode(29)
    public static let getMaxOffset = RequestCode(30)
    public static let getMinOffset = RequestCode(31)
    public static let getEarliestMsgStoreTime = RequestCode(32)
    public static let viewMessageById = RequestCode(33)
    public static let heartBeat = RequestCode(34)
    public static let unregisterClient = RequestCode(35)
    public static let consumerSendMsgBack = RequestCode(36)
    public static let endTransaction = RequestCode(37)
    public static let getConsumerListByGroup = RequestCode(38)
    public static let checkTransactionState = RequestCode(39)
    public static let notifyConsumerIdsChanged = RequestCode(40)
    public static let lockBatchMQ = RequestCode(41)
    public static let unlockBatchMQ = RequestCode(42)
    public static let getAllConsumerOffset = RequestCode(43)
    public static let getAllDelayOffset = RequestCode(45)
    public static let checkClientConfig = RequestCode(46)
    public static let sendMessageV2 = RequestCode(310)
    public static let sendBatchMessage = RequestCode(320)
    public static let litePullMessage = RequestCode(361)

    // Name server.
    public static let putKVConfig = RequestCode(100)
    public static let getKVConfig = RequestCode(101)
    public static let deleteKVConfig = RequestCode(102)
    public static let registerBroker = RequestCode(103)
    public static let unregisterBroker = RequestCode(104)
    public static let getRouteInfoByTopic = RequestCode(105)
    public static let getBrokerClusterInfo = RequestCode(106)
    public static let wipeWritePermOfBroker = RequestCode(205)
    public static let getAllTopicListFromNameServer = RequestCode(206)
    public static let deleteTopicInNamesrv = RequestCode(216)
    public static let registerTopicInNamesrv = RequestCode(217)
    public static let getKVListByNamespace = RequestCode(219)
    public static let getTopicsByCluster = RequestCode(224)
    public static let getSystemTopicListFromNS = RequestCode(304)
    public static let updateNamesrvConfig = RequestCode(318)
    public static let getNamesrvConfig = RequestCode(319)
    public static let queryDataVersion = RequestCode(322)
    public static let addWritePermOfBroker = RequestCode(327)
    public static let brokerHeartbeat = RequestCode(904)

    // Admin.
    public static let updateAndCreateSubscriptionGroup = RequestCode(200)
    public static let getAllSubscriptionGroupConfig = RequestCode(201)
    public static let getTopicStatsInfo = RequestCode(202)
    public static let getConsumerConnectionList = RequestCode(203)
    public static let getProducerConnectionList = RequestCode(204)
    public static let deleteSubscriptionGroup = RequestCode(207)
    public static let getConsumeStats = RequestCode(208)
    public static let deleteTopicInBroker = RequestCode(215)
    public static let resetConsumerClientOffset = RequestCode(220)
    public static let getConsumerStatusFromClient = RequestCode(221)
    public static let invokeBrokerToResetOffset = RequestCode(222)
    public static let invokeBrokerToGetConsumerStatus = RequestCode(223)
    public static let updateAndCreateSubscriptionGroupList = RequestCode(225)
    public static let queryTopicConsumeByWho = RequestCode(300)
    public static let queryConsumeTimeSpan = RequestCode(303)
    public static let getSystemTopicListFromBroker = RequestCode(305)
    public static let cleanExpiredConsumeQueue = RequestCode(306)
    public static let getConsumerRunningInfo = RequestCode(307)
    public static let queryCorrectionOffset = RequestCode(308)
    public static let consumeMessageDirectly = RequestCode(309)
    public static let cloneGroupOffset = RequestCode(314)
    public static let viewBrokerStatsData = RequestCode(315)
    public static let cleanUnusedTopic = RequestCode(316)
    public static let getBrokerConsumeStats = RequestCode(317)
    public static let queryConsumeQueue = RequestCode(321)
    public static let getAllProducerInfo = RequestCode(328)
    public static let deleteExpiredCommitLog = RequestCode(329)
    public static let queryTopicsByConsumer = RequestCode(343)
    public static let querySubscriptionByConsumer = RequestCode(345)
    public static let getTopicConfig = RequestCode(351)
    public static let getSubscriptionGroupConfig = RequestCode(352)

    // Timer messages (5.x).
    public static let getTimerCheckPoint = RequestCode(60)
    public static let getTimerMetrics = RequestCode(61)
    public static let recallMessage = RequestCode(370)

    // POP consumption (5.x; docs/design/pop-grpc.md §3.1).
    public static let popMessage = RequestCode(200050)
    public static let ackMessage = RequestCode(200051)
    public static let batchAckMessage = RequestCode(200151)
    public static let changeMessageInvisibleTime = RequestCode(200053)
    public static let notification = RequestCode(200054)
    public static let pollingInfo = RequestCode(200055)

    // Message request modes and server-side queue assignment (5.x; docs/design/pop-grpc.md §4.9).
    public static let queryAssignment = RequestCode(400)
    public static let setMessageRequestMode = RequestCode(401)
    public static let getAllMessageRequestMode = RequestCode(402)

    /// mqadmin's own admin codes live in 29000–29999: Apache has never used that block (its codes are 10–47,
    /// 60–61, 100–106, 200–225, 300–370, 400–402, 513, 901–908, 1001–1018, 2001–2004, 3001–3010 and 2000xx, in
    /// 4.9.8, 5.3.3 and its development line), and the block fits the 16-bit code of binary headers. An Apache
    /// broker answers them REQUEST_CODE_NOT_SUPPORTED.
    public static let mqadminExtensions: ClosedRange<Int32> = 29000...29999
    /// What the bundled broker's timer holds, per topic and minute (`mqadmin timer list`).
    public static let mqadminTimerList = RequestCode(29001)

    // ACL 2.0.
    public static let authCreateUser = RequestCode(3001)
    public static let authUpdateUser = RequestCode(3002)
    public static let authDeleteUser = RequestCode(3003)
    public static let authGetUser = RequestCode(3004)
    public static let authListUser = RequestCode(3005)
    public static let authCreateAcl = RequestCode(3006)
    public static let authUpdateAcl = RequestCode(3007)
    public static let authDeleteAcl = RequestCode(3008)
    public static let authGetAcl = RequestCode(3009)
    public static let authListAcl = RequestCode(3010)

    static let names: [Int32: String] = [
        10: "SEND_MESSAGE", 11: "PULL_MESSAGE", 12: "QUERY_MESSAGE", 13: "QUERY_BROKER_OFFSET",
        14: "QUERY_CONSUMER_OFFSET", 15: "UPDATE_CONSUMER_OFFSET", 17: "UPDATE_AND_CREATE_TOPIC",
        18: "UPDATE_AND_CREATE_TOPIC_LIST", 21: "GET_ALL_TOPIC_CONFIG", 22: "GET_TOPIC_CONFIG_LIST",
        23: "GET_TOPIC_NAME_LIST", 25: "UPDATE_BROKER_CONFIG", 26: "GET_BROKER_CONFIG", 27: "TRIGGER_DELETE_FILES",
        28: "GET_BROKER_RUNTIME_INFO", 29: "SEARCH_OFFSET_BY_TIMESTAMP", 30: "GET_MAX_OFFSET", 31: "GET_MIN_OFFSET",
        32: "GET_EARLIEST_MSG_STORETIME", 33: "VIEW_MESSAGE_BY_ID", 34: "HEART_BEAT", 35: "UNREGISTER_CLIENT",
        36: "CONSUMER_SEND_MSG_BACK", 37: "END_TRANSACTION", 38: "GET_CONSUMER_LIST_BY_GROUP",
        39: "CHECK_TRANSACTION_STATE", 40: "NOTIFY_CONSUMER_IDS_CHANGED", 41: "LOCK_BATCH_MQ", 42: "UNLOCK_BATCH_MQ",
        43: "GET_ALL_CONSUMER_OFFSET", 45: "GET_ALL_DELAY_OFFSET", 46: "CHECK_CLIENT_CONFIG", 100: "PUT_KV_CONFIG",
        101: "GET_KV_CONFIG", 102: "DELETE_KV_CONFIG", 103: "REGISTER_BROKER", 104: "UNREGISTER_BROKER",
        105: "GET_ROUTEINFO_BY_TOPIC", 106: "GET_BROKER_CLUSTER_INFO", 200: "UPDATE_AND_CREATE_SUBSCRIPTIONGROUP",
        201: "GET_ALL_SUBSCRIPTIONGROUP_CONFIG", 202: "GET_TOPIC_STATS_INFO", 203: "GET_CONSUMER_CONNECTION_LIST",
        204: "GET_PRODUCER_CONNECTION_LIST", 205: "WIPE_WRITE_PERM_OF_BROKER",
        206: "GET_ALL_TOPIC_LIST_FROM_NAMESERVER", 207: "DELETE_SUBSCRIPTIONGROUP", 208: "GET_CONSUME_STATS",
        215: "DELETE_TOPIC_IN_BROKER", 216: "DELETE_TOPIC_IN_NAMESRV", 217: "REGISTER_TOPIC_IN_NAMESRV",
        219: "GET_KVLIST_BY_NAMESPACE", 220: "RESET_CONSUMER_CLIENT_OFFSET", 221: "GET_CONSUMER_STATUS_FROM_CLIENT",
        222: "INVOKE_BROKER_TO_RESET_OFFSET", 223: "INVOKE_BROKER_TO_GET_CONSUMER_STATUS", 224: "GET_TOPICS_BY_CLUSTER",
        225: "UPDATE_AND_CREATE_SUBSCRIPTIONGROUP_LIST", 300: "QUERY_TOPIC_CONSUME_BY_WHO",
        303: "QUERY_CONSUME_TIME_SPAN", 304: "GET_SYSTEM_TOPIC_LIST_FROM_NS", 305: "GET_SYSTEM_TOPIC_LIST_FROM_BROKER",
        307: "GET_CONSUMER_RUNNING_INFO", 308: "QUERY_CORRECTION_OFFSET", 309: "CONSUME_MESSAGE_DIRECTLY",
        310: "SEND_MESSAGE_V2", 314: "CLONE_GROUP_OFFSET", 315: "VIEW_BROKER_STATS_DATA", 317: "GET_BROKER_CONSUME_STATS",
        318: "UPDATE_NAMESRV_CONFIG", 319: "GET_NAMESRV_CONFIG", 320: "SEND_BATCH_MESSAGE", 321: "QUERY_CONSUME_QUEUE", 322: "QUERY_DATA_VERSION",
        327: "ADD_WRITE_PERM_OF_BROKER", 343: "QUERY_TOPICS_BY_CONSUMER", 345: "QUERY_SUBSCRIPTION_BY_CONSUMER",
        351: "GET_TOPIC_CONFIG", 352: "GET_SUBSCRIPTIONGROUP_CONFIG", 361: "LITE_PULL_MESSAGE", 904: "BROKER_HEARTBEAT",
        3001: "AUTH_CREATE_USER", 3002: "AUTH_UPDATE_USER", 3003: "AUTH_DELETE_USER", 3004: "AUTH_GET_USER",
        3005: "AUTH_LIST_USER", 3006: "AUTH_CREATE_ACL", 3007: "AUTH_UPDATE_ACL", 3008: "AUTH_DELETE_ACL",
        3009: "AUTH_GET_ACL", 3010: "AUTH_LIST_ACL",
        60: "GET_TIMER_CHECK_POINT", 61: "GET_TIMER_METRICS", 370: "RECALL_MESSAGE", 29001: "MQADMIN_TIMER_LIST",
        306: "CLEAN_EXPIRED_CONSUMEQUEUE", 316: "CLEAN_UNUSED_TOPIC", 329: "DELETE_EXPIRED_COMMITLOG",
        328: "GET_ALL_PRODUCER_INFO",
        200050: "POP_MESSAGE", 200051: "ACK_MESSAGE", 200151: "BATCH_ACK_MESSAGE",
        200053: "CHANGE_MESSAGE_INVISIBLETIME", 200054: "NOTIFICATION", 200055: "POLLING_INFO",
        400: "QUERY_ASSIGNMENT", 401: "SET_MESSAGE_REQUEST_MODE", 402: "GET_ALL_MESSAGE_REQUEST_MODE",
    ]

    public var name: String? { Self.names[rawValue] }
    public var description: String { name.map { "\($0)(\(rawValue))" } ?? "code \(rawValue)" }
}

/// Response codes (wire.md §2.2).
public struct ResponseCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    init(_ v: Int32) { rawValue = v }

    public static let success = ResponseCode(0)
    public static let systemError = ResponseCode(1)
    public static let systemBusy = ResponseCode(2)
    public static let requestCodeNotSupported = ResponseCode(3)
    public static let transactionFailed = ResponseCode(4)
    public static let flushDiskTimeout = ResponseCode(10)
    public static let slaveNotAvailable = ResponseCode(11)
    public static let flushSlaveTimeout = ResponseCode(12)
    public static let messageIllegal = ResponseCode(13)
    public static let serviceNotAvailable = ResponseCode(14)
    public static let versionNotSupported = ResponseCode(15)
    public static let noPermission = ResponseCode(16)
    public static let topicNotExist = ResponseCode(17)
    public static let topicExistAlready = ResponseCode(18)
    public static let pullNotFound = ResponseCode(19)
    public static let pullRetryImmediately = ResponseCode(20)
    public static let pullOffsetMoved = ResponseCode(21)
    public static let queryNotFound = ResponseCode(22)
    public static let subscriptionParseFailed = ResponseCode(23)
    public static let subscriptionNotExist = ResponseCode(24)
    public static let subscriptionNotLatest = ResponseCode(25)
    public static let subscriptionGroupNotExist = ResponseCode(26)
    public static let filterDataNotExist = ResponseCode(27)
    public static let filterDataNotLatest = ResponseCode(28)
    public static let invalidParameter = ResponseCode(29)
    public static let consumerNotOnline = ResponseCode(206)
    public static let consumeMessageTimeout = ResponseCode(207)
    public static let noMessage = ResponseCode(208)
    /// POP: too many pops already parked for that key.
    public static let pollingFull = ResponseCode(209)
    /// POP: the long poll ended with nothing to return.
    public static let pollingTimeout = ResponseCode(210)
    public static let illegalOperation = ResponseCode(604)
    public static let userNotExist = ResponseCode(3001)
    public static let policyNotExist = ResponseCode(3002)

    static let names: [Int32: String] = [
        0: "SUCCESS", 1: "SYSTEM_ERROR", 2: "SYSTEM_BUSY", 3: "REQUEST_CODE_NOT_SUPPORTED", 4: "TRANSACTION_FAILED",
        10: "FLUSH_DISK_TIMEOUT", 11: "SLAVE_NOT_AVAILABLE", 12: "FLUSH_SLAVE_TIMEOUT", 13: "MESSAGE_ILLEGAL",
        14: "SERVICE_NOT_AVAILABLE", 15: "VERSION_NOT_SUPPORTED", 16: "NO_PERMISSION", 17: "TOPIC_NOT_EXIST",
        18: "TOPIC_EXIST_ALREADY", 19: "PULL_NOT_FOUND", 20: "PULL_RETRY_IMMEDIATELY", 21: "PULL_OFFSET_MOVED",
        22: "QUERY_NOT_FOUND", 23: "SUBSCRIPTION_PARSE_FAILED", 24: "SUBSCRIPTION_NOT_EXIST",
        25: "SUBSCRIPTION_NOT_LATEST", 26: "SUBSCRIPTION_GROUP_NOT_EXIST", 27: "FILTER_DATA_NOT_EXIST",
        28: "FILTER_DATA_NOT_LATEST", 29: "INVALID_PARAMETER", 206: "CONSUMER_NOT_ONLINE", 207: "CONSUME_MSG_TIMEOUT",
        208: "NO_MESSAGE", 209: "POLLING_FULL", 210: "POLLING_TIMEOUT", 604: "ILLEGAL_OPERATION", 1500: "GO_AWAY",
        3001: "USER_NOT_EXIST", 3002: "POLICY_NOT_EXIST",
    ]

    public var name: String? { Self.names[rawValue] }
    public var description: String { name.map { "\($0)(\(rawValue))" } ?? "code \(rawValue)" }
}
