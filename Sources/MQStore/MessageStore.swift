import Foundation
import Logging
import MQProtocol
import NIOCore
import Synchronization

/// The durable message store: commit log + consume queues + key index, with recovery, group commit
/// and retention. Thread-safe: puts are serialized by one short critical section, reads run
/// concurrently. See `docs/store-format.md` for the files.
public final class MessageStore: @unchecked Sendable {
    struct WriteState {
        var closed = false
        /// Set after a write error; the store then refuses writes.
        var failure: String?
    }

    /// The configuration the store was opened with.
    public let config: StoreConfig
    /// Its tunable part.
    var settings: StoreSettings { config.settings }
    let logger: Logger
    let commitLog: CommitLog
    let queues: ConsumeQueueTable
    let index: IndexService
    let checkpointPath: String
    let abortPath: String
    let writeState = Mutex(WriteState())
    /// The listener lives in a box: storing the closure itself in the generic Mutex made every read
    /// re-abstract it, stacking one conversion thunk per put (calls got slower as the store grew).
    private let dispatchListener = Mutex<DispatchListener?>(nil)
    let housekeeping = Mutex(Housekeeping())
    /// One checkpoint at a time (maintenance thread, flush(), deleteTopic, close).
    private let checkpointLock = Mutex(())
    private var groupCommit: GroupCommitService!
    private var maintenance: PeriodicThread!
    private var report = RecoveryReport()
    /// Set once recovery succeeded; a store that failed to open has nothing to close.
    private var opened = false

    /// Bookkeeping of the maintenance thread.
    struct Housekeeping {
        var lastCheckpoint: Int64 = -1
        var checkpointNeeded = true
        /// Past checkpoint positions: record boundaries to start CRC verification from.
        var anchors: [Int64] = []
        /// Set when the store opens: the first pass comes one interval after the start (Apache's cleaning waits
        /// too), not at the first tick, racing whoever opened the store.
        var lastRetention: Int64 = 0
    }

    /// Largest record accepted: the body limit plus room for topic and properties (Java's rule).
    var maxRecordSize: Int { settings.maxMessageSize + 64 * 1024 + 32 * 1024 }

    /// Opens the store in `config.directory` (creating it if needed) and recovers it.
    /// - Throws: ``StoreError`` when the directory is unusable or the data cannot be recovered.
    public init(config: StoreConfig, logger: Logger) throws {
        let settings = config.settings
        guard settings.segmentSize >= 4096 else {
            throw StoreError.invalidConfig("segmentSize \(settings.segmentSize) is below 4096 bytes")
        }
        guard settings.consumeQueueEntriesPerFile > 0, settings.indexSlotsPerFile > 0,
            settings.indexEntriesPerFile > 0, settings.maxMessageSize > 0, settings.asyncFlushIntervalMillis > 0
        else { throw StoreError.invalidConfig("file sizes, maxMessageSize and flush interval must be positive") }
        self.config = config
        self.logger = logger
        let root = config.directory.hasSuffix("/") && config.directory.count > 1
            ? String(config.directory.dropLast()) : config.directory
        commitLog = CommitLog(directory: root + "/commitlog", segmentSize: settings.segmentSize)
        queues = ConsumeQueueTable(root: root + "/consumequeue", entriesPerFile: settings.consumeQueueEntriesPerFile)
        index = IndexService(directory: root + "/index", slotsPerFile: settings.indexSlotsPerFile,
            entriesPerFile: settings.indexEntriesPerFile)
        checkpointPath = root + "/checkpoint"
        abortPath = root + "/abort"
        do {
            for dir in [root, commitLog.directory, queues.root, index.directory] {
                try FileSystem.makeDirectories(dir)
            }
            try FileSystem.checkWritable(root)
        } catch {
            throw StoreError.directoryNotUsable(path: root, reason: "\(error.operation) \(error.path): \(error.reason)")
        }
        report = try recover()
        index.startFilterRebuild()
        opened = true
        logger.info("message store opened", metadata: ["directory": "\(root)", "recovery": "\(report)"])
        groupCommit = GroupCommitService(name: "mqstore-group-commit") { [weak self] in
            self?.flushCommitLogForWaiters()
        }
        housekeeping.withLock { $0.lastRetention = currentTimeMillis() }
        let interval = settings.asyncFlushIntervalMillis
        maintenance = PeriodicThread(name: "mqstore-maintenance", intervalMillis: interval) { [weak self] in
            self?.maintenanceTick()
        }
        groupCommit.start()
        maintenance.start()
    }

    deinit { close() }

    /// What recovery found and repaired when the store was opened.
    public var recoveryReport: RecoveryReport { report }

    /// Called after each message is appended (outside the put lock), e.g. to wake held pulls.
    public var onDispatch: (@Sendable (DispatchedMessage) -> Void)? {
        get { dispatchListener.withLock { $0?.call } }
        set { dispatchListener.withLock { $0 = newValue.map(DispatchListener.init) } }
    }

    /// Lowest commit-log offset still stored.
    public var commitLogMinOffset: Int64 { commitLog.minOffset }
    /// Commit-log offset the next record will be written at.
    public var commitLogMaxOffset: Int64 { commitLog.writePosition }
    /// Commit-log offset below which everything is durable.
    public var commitLogFlushedOffset: Int64 { commitLog.flushedPosition }
    /// fdatasync calls made on commit-log segments so far (group commit makes far fewer than puts).
    public var commitLogSyncCount: Int { commitLog.syncCount }
    /// Whether the store refuses writes after an I/O error (the reason), nil when healthy.
    public var writeFailure: String? { writeState.withLock { $0.failure } }

    // MARK: put

    /// Appends one message.
    public func put(_ message: MessageToStore) -> PutResult {
        putBatch([message])
    }

    /// Appends messages of one topic and queue as consecutive records with consecutive queue offsets,
    /// in one write.
    public func putBatch(_ messages: [MessageToStore]) -> PutResult {
        guard let first = messages.first else { return PutResult(status: .messageIllegal("the batch is empty")) }
        var encoded: EncodedBatch
        switch encode(messages) {
        case .success(let batch): encoded = batch
        case .failure(let illegal): return PutResult(status: .messageIllegal(illegal.reason), queueId: first.queueId)
        }
        let outcome = writeState.withLock { state -> Result<PutResult, WriteRefusal> in
            append(&encoded, messages: messages, state: &state)
        }
        switch outcome {
        case .failure(let refusal):
            return PutResult(status: .serviceUnavailable(refusal.reason), queueId: first.queueId)
        case .success(let result):
            if let listener = dispatchListener.withLock({ $0 }) {
                for (i, m) in messages.enumerated() where encoded.consumable {
                    listener.call(DispatchedMessage(topic: m.topic, queueId: m.queueId,
                        queueOffset: result.queueOffset + Int64(i), tagsCode: m.tagsCode,
                        storeTimestamp: encoded.storeTimestamps[i], properties: m.properties))
                }
            }
            return result
        }
    }

    struct Illegal: Error { var reason: String }
    struct WriteRefusal: Error { var reason: String }

    /// Records encoded outside the lock; offsets and store timestamps are patched in at append time.
    struct EncodedBatch {
        var buffer: ByteBuffer
        var starts: [Int]
        var infos: [MessageRecord.EncodedInfo]
        var keyHashes: [[UInt64]]
        var uniqueKeys: [String?]
        var consumable: Bool
        var indexable: Bool
        var storeTimestamps: [Int64] = []
    }

    private func encode(_ messages: [MessageToStore]) -> Result<EncodedBatch, Illegal> {
        let topic = messages[0].topic
        let queueId = messages[0].queueId
        if let why = Self.topicProblem(topic) { return .failure(Illegal(reason: why)) }
        guard queueId >= 0 else { return .failure(Illegal(reason: "queue id \(queueId) is negative")) }
        var totalBody = 0
        var batch = EncodedBatch(buffer: ByteBuffer(), starts: [], infos: [], keyHashes: [], uniqueKeys: [],
            consumable: true, indexable: true)
        let tran = MessageSysFlag.transactionValue(messages[0].sysFlag)
        // Half messages and rollbacks stay out of the consume queue (Java: queue offset 0, no dispatch).
        batch.consumable = tran != MessageSysFlag.transactionPreparedType
            && tran != MessageSysFlag.transactionRollbackType
        batch.indexable = tran != MessageSysFlag.transactionRollbackType
        let estimate = messages.reduce(0) { $0 + $1.body.readableBytes + 256 }
        batch.buffer.reserveCapacity(estimate)
        for m in messages {
            guard m.topic == topic, m.queueId == queueId else {
                return .failure(Illegal(reason: "a batch must go to one topic and queue"))
            }
            guard MessageSysFlag.transactionValue(m.sysFlag) == tran else {
                return .failure(Illegal(reason: "a batch must not mix transaction types"))
            }
            let bodyLength = m.body.readableBytes
            totalBody += bodyLength
            guard bodyLength <= settings.maxMessageSize, totalBody <= settings.maxMessageSize else {
                return .failure(Illegal(reason: "message body of \(messages.count > 1 ? totalBody : bodyLength) bytes "
                    + "exceeds the maximum message size \(settings.maxMessageSize)"))
            }
            let record = MessageRecord(
                topic: topic, queueId: queueId, flag: m.flag, sysFlag: m.sysFlag, bornTimestamp: m.bornTimestamp,
                bornHost: m.bornHost, storeHost: config.storeHost, reconsumeTimes: m.reconsumeTimes,
                preparedTransactionOffset: m.preparedTransactionOffset, body: m.body, properties: m.properties)
            let start = batch.buffer.writerIndex
            let info: MessageRecord.EncodedInfo
            do {
                info = try record.encodeDeferringCRC(into: &batch.buffer, appendCRCSlot: settings.appendRecordCRC)
            } catch {
                return .failure(Illegal(reason: error.description))
            }
            guard info.length <= maxRecordSize else {
                return .failure(
                    Illegal(reason: "message record of \(info.length) bytes exceeds the maximum \(maxRecordSize)"))
            }
            batch.starts.append(start)
            batch.infos.append(info)
            let unique = m.properties.uniqueKey
            batch.uniqueKeys.append(unique)
            var hashes = [UInt64]()
            if batch.indexable {
                if let unique, !unique.isEmpty { hashes.append(IndexService.hash(topic: topic, key: unique)) }
                for key in m.properties.keys { hashes.append(IndexService.hash(topic: topic, key: key)) }
            }
            batch.keyHashes.append(hashes)
        }
        guard Int64(batch.buffer.readableBytes) + CommitLog.blankReserve <= settings.segmentSize else {
            return .failure(Illegal(reason: "\(batch.buffer.readableBytes) bytes do not fit a commit-log segment "
                + "of \(settings.segmentSize) bytes"))
        }
        return .success(batch)
    }

    /// Why `topic` cannot be stored (it names a directory), nil if it can.
    static func topicProblem(_ topic: String) -> String? {
        if topic.isEmpty { return "the topic is empty" }
        if topic == "." || topic == ".." || topic.utf8.contains(UInt8(ascii: "/")) || topic.utf8.contains(0) {
            return "topic '\(topic)' contains characters not allowed in a topic name"
        }
        if topic.utf8.count > Int(Int16.max) { return "the topic is longer than 32767 bytes" }
        return nil
    }

    /// The critical section: assign offsets and timestamp, write, dispatch. Runs under the put lock.
    private func append(
        _ batch: inout EncodedBatch, messages: [MessageToStore], state: inout WriteState
    ) -> Result<PutResult, WriteRefusal> {
        if state.closed { return .failure(WriteRefusal(reason: "the message store is closed")) }
        if let failure = state.failure { return .failure(WriteRefusal(reason: failure)) }
        let now = currentTimeMillis()
        let topic = messages[0].topic
        let queueId = messages[0].queueId
        let queue = queues.queueOrCreate(topic, queueId)
        let baseQueueOffset = batch.consumable ? queue.maxOffset : 0
        let length = batch.buffer.readableBytes
        batch.storeTimestamps = messages.map { $0.storeTimestamp ?? now }
        do {
            let position = try commitLog.prepareAppend(length: length)
            for (i, start) in batch.starts.enumerated() {
                let queueOffset = batch.consumable ? baseQueueOffset + Int64(i) : 0
                MessageRecord.patch(&batch.buffer, at: start, queueOffset: queueOffset,
                    physicalOffset: position + Int64(start), storeTimestamp: batch.storeTimestamps[i])
                MessageRecord.finishCRCSlot(&batch.buffer, at: start, info: batch.infos[i])
            }
            try commitLog.append(batch.buffer, at: position)
            for (i, start) in batch.starts.enumerated() {
                let end = i + 1 < batch.starts.count ? batch.starts[i + 1] : length
                let offset = position + Int64(start)
                // Index first: once the consume-queue entry makes a message visible, its keys must find it.
                try index.add(keyHashes: batch.keyHashes[i], commitLogOffset: offset,
                    storeTimestamp: batch.storeTimestamps[i])
                if batch.consumable {
                    let entry = ConsumeQueueEntry(commitLogOffset: offset, size: Int32(end - start),
                        tagsCode: messages[i].tagsCode)
                    try queue.append(queueOffset: baseQueueOffset + Int64(i), entry: entry)
                }
            }
            let ids = batch.starts.map { MessageId.encode(storeHost: config.storeHost, offset: position + Int64($0)) }
            return .success(PutResult(status: .ok, queueId: queueId, queueOffset: baseQueueOffset,
                physicalOffset: position, endOffset: position + Int64(length), offsetMsgIds: ids,
                uniqueKeys: batch.uniqueKeys, storeTimestamp: batch.storeTimestamps[0]))
        } catch {
            let reason = "store write failed (\(error)); the store now refuses writes — check the disk "
                + "(space, permissions, errors) and restart"
            state.failure = reason
            logger.critical("\(reason)")
            return .failure(WriteRefusal(reason: reason))
        }
    }

    /// Marks the store failed (outside the put path, e.g. an fsync error) and logs it once.
    func fail(_ what: String) {
        let first = writeState.withLock { state -> Bool in
            guard state.failure == nil else { return false }
            state.failure = "\(what); the store now refuses writes — check the disk and restart"
            return true
        }
        if first { logger.critical("\(what); the message store refuses further writes") }
    }

    // MARK: durability

    /// Calls `done(true)` once the commit log is durable up to `offset` (group commit in sync mode),
    /// `done(false)` if the store failed or is closed first. May call `done` on the caller's thread.
    public func whenFlushed(upTo offset: Int64, _ done: @escaping @Sendable (Bool) -> Void) {
        let (closed, failed) = writeState.withLock { ($0.closed, $0.failure != nil) }
        if failed { return done(false) }
        if commitLog.flushedPosition >= offset { return done(true) }
        if closed || !groupCommit.enqueue(position: offset, done: done) {
            done(commitLog.flushedPosition >= offset)
        }
    }

    /// Group-commit flush: durable up to the current end; nil on failure.
    private func flushCommitLogForWaiters() -> Int64? {
        if writeState.withLock({ $0.failure != nil }) { return nil }
        let target = commitLog.writePosition
        do {
            try commitLog.flush(upTo: target)
            return target
        } catch {
            fail("commit-log fsync failed: \(error)")
            return nil
        }
    }

    /// Writes and fsyncs everything now (commit log, consume queues, index) and checkpoints.
    public func flush() {
        if writeState.withLock({ $0.closed }) { return }
        checkpoint(force: true)
    }

    /// One pass of the background thread.
    private func maintenanceTick() {
        if settings.flushMode == .async, writeState.withLock({ $0.failure == nil }) {
            do {
                try commitLog.flush(upTo: commitLog.writePosition)
            } catch {
                fail("commit-log fsync failed: \(error)")
            }
        }
        checkpoint(force: false)
        let now = currentTimeMillis()
        let due = housekeeping.withLock { h -> Bool in
            guard now - h.lastRetention >= Int64(settings.retentionIntervalMillis) else { return false }
            h.lastRetention = now
            return true
        }
        if due { runRetention(now: Date(timeIntervalSince1970: Double(now) / 1000)) }
    }

    /// Flushes consume queues and index after the commit log, then records how far all are durable.
    func checkpoint(force: Bool) {
        checkpointLock.withLock { _ in writeCheckpoint(force: force) }
    }

    private func writeCheckpoint(force: Bool) {
        // A consistent cut: nothing is appended while the positions are read.
        let (position, maxOffsets, indexed) = writeState.withLock { _ in
            (commitLog.writePosition, queues.maxOffsets(), index.lastIndexedOffset)
        }
        let needed = housekeeping.withLock { force || $0.checkpointNeeded || $0.lastCheckpoint != position }
        guard needed, writeState.withLock({ $0.failure == nil }) else { return }
        do {
            try commitLog.flush(upTo: position)
            for queue in queues.all { try queue.sync() }
            try index.flush()
        } catch {
            fail("flushing store files failed: \(error)")
            return
        }
        let verifyFrom = housekeeping.withLock { h -> Int64 in
            if h.anchors.last != position { h.anchors.append(position) }
            // Newest anchor far enough back; older ones are no longer needed.
            let target = position - settings.recoveryVerifyTailBytes
            let chosen = h.anchors.lastIndex(where: { $0 <= target }) ?? 0
            h.anchors.removeFirst(chosen)
            if h.anchors.count > 256 { h.anchors = h.anchors.enumerated().filter { $0.offset % 2 == 0 }.map(\.element) }
            return h.anchors[0]
        }
        let checkpoint = Checkpoint(commitLogFlushed: position, dispatched: position, indexedUpTo: indexed,
            verifyFrom: max(verifyFrom, commitLog.minOffset), timestamp: currentTimeMillis(),
            queueMaxOffsets: maxOffsets)
        do {
            try AtomicFile.write(checkpoint.encoded(), to: checkpointPath)
            housekeeping.withLock {
                $0.lastCheckpoint = position
                $0.checkpointNeeded = false
            }
        } catch {
            fail("writing the checkpoint failed: \(error)")
        }
    }

    /// Stops the threads without flushing, checkpointing or removing the `abort` marker, as if the
    /// process died here (page-cache contents stay, unwritten tail buffers are lost). For tests.
    func simulateCrash() {
        let first = writeState.withLock { state -> Bool in
            defer { state.closed = true }
            return !state.closed
        }
        guard first, opened else { return }
        maintenance?.stop()
        groupCommit?.stop()
        opened = false
    }

    /// Flushes, checkpoints and stops the background threads. Later puts fail with
    /// `.serviceUnavailable`, reads find nothing.
    public func close() {
        guard opened else { return }
        let first = writeState.withLock { state -> Bool in
            defer { state.closed = true }
            return !state.closed
        }
        guard first else { return }
        maintenance?.stop()
        checkpoint(force: true)
        groupCommit?.stop()
        let healthy = writeState.withLock { $0.failure == nil }
        if healthy { try? FileSystem.remove(abortPath) }
        index.close()
        queues.close()
        commitLog.close()
        logger.info("message store closed", metadata: ["directory": "\(config.directory)", "clean": "\(healthy)"])
    }
}

/// Holds the dispatch callback with a fixed representation.
final class DispatchListener: Sendable {
    let call: @Sendable (DispatchedMessage) -> Void
    init(_ call: @escaping @Sendable (DispatchedMessage) -> Void) { self.call = call }
}
