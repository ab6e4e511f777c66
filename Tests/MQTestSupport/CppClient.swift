import Foundation

/// The official Apache RocketMQ C++ client generations the interop tests drive, each through its Python binding
/// in a virtual environment at the package root that scripts/test.sh creates. Both expose the same Python API
/// (`import rocketmq`), so one script drives either; a test takes the generation as its argument.
public enum CppClient: String, CaseIterable, Sendable, CustomStringConvertible {
    /// PyPI rocketmq==0.4.4: librocketmq 1.x (SEND_MESSAGE headers, compresses a batch's body as a whole past
    /// 4 KiB).
    case v1 = "cpp-1.x"
    /// PyPI rocketmq-python-cvs==2.1.0.3: librocketmq 2.1.0 (SEND_MESSAGE_V2 headers, never compresses a batch).
    case v2_1 = "cpp-2.1.0"

    public var description: String { rawValue }

    /// The virtual environment's directory name at the package root.
    public var venv: String {
        switch self {
        case .v1: ".venv"
        case .v2_1: ".venv-cpp21"
        }
    }

    /// The PyPI requirement that venv holds (for the error that names the fix).
    public var requirement: String {
        switch self {
        case .v1: "rocketmq==0.4.4"
        case .v2_1: "rocketmq-python-cvs==2.1.0.3"
        }
    }

    /// The venv's Python. Fails loudly, naming the fix, when it is missing: the tests never skip.
    public func python() throws -> String {
        let path = TestPaths.packageRoot + "/" + venv + "/bin/python"
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw TestProcessError(
                "the interop Python for \(self) (\(requirement)) is missing at \(path); run ./scripts/test.sh, "
                    + "which creates it")
        }
        return path
    }
}
