/// One commit-log file: `commitlog/<20-digit base offset>`, holding records from `base` up to
/// `base + segmentSize`, always ending with a BLANK filler once full.
final class CommitLogSegment: @unchecked Sendable {
    /// Commit-log offset of the first byte.
    let base: Int64
    let file: DataFile

    init(base: Int64, file: DataFile) {
        self.base = base
        self.file = file
    }

    var path: String { file.path }
}
