import ArgumentParser
import Foundation

/// `mqadmin generate-manual DIR` (hidden): writes the man pages of the command tree, for
/// scripts/generate-docs.sh. ArgumentParser's own plugin cannot add EXAMPLES, ENVIRONMENT or FILES.
struct GenerateManual: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-manual",
        abstract: "Write the man pages (mqadmin.1, mqadmin.topic.create.1, ...) into a directory.",
        shouldDisplay: false)

    @Argument(help: ArgumentHelp("Directory to write the pages into (created if missing).", valueName: "dir"))
    var directory: String

    func run() throws {
        let pages = ManualRenderer(root: try ManualCommand.tree()).pages()
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for page in pages {
            try page.text.write(toFile: directory + "/" + page.name, atomically: true, encoding: .utf8)
        }
        print("wrote \(pages.count) pages to \(directory)")
    }
}
