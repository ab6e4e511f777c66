import Foundation

/// Where `message send` takes the body from: an argument, a file, or stdin (`-`).
enum BodyInput {
    /// The body bytes; exactly one source must be given (usage error otherwise, naming the fix).
    static func read(argument: String?, file: String?) throws -> [UInt8] {
        switch (argument, file) {
        case (nil, nil):
            throw CLIError(
                "no message body; give it as an argument, with --file PATH, or --file - to read stdin", exit: .usage)
        case (.some, .some):
            throw CLIError("give the body either as an argument or with --file, not both", exit: .usage)
        case (let text?, nil):
            return text == "-" ? readStdin() : Array(text.utf8)
        case (nil, let path?):
            if path == "-" { return readStdin() }
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue else {
                throw CLIError("body file \(path) does not exist; check the path given to --file", exit: .usage)
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CLIError("cannot read body file \(path); check its permissions", exit: .usage)
            }
            return Array(data)
        }
    }

    private static func readStdin() -> [UInt8] {
        Array(Console.current.readAll())
    }
}
