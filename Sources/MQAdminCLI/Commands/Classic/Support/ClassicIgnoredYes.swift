import ArgumentParser

/// `-y/--yes`, which the classic deletes once needed off a terminal. Classic commands keep Apache's contract
/// and never ask (docs/classic-commands.md), so the flag does nothing; it stays, hidden, for the scripts
/// that pass it.
struct ClassicIgnoredYes: ParsableArguments {
    @Flag(
        name: [.customShort("y"), .customLong("yes")],
        help: ArgumentHelp("Accepted and ignored: classic commands never ask.", visibility: .hidden))
    var yes = false
}
