import Foundation
import MQTestSupport
import Testing

/// The three shells mqadmin ships completions for, each driven through its own completion machinery with the
/// committed script (completions/mqadmin.SHELL) and the built binary on PATH, as an operator's shell runs it.
enum CompletionShells: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case bash, zsh, fish

    var testDescription: String { rawValue }

    var script: String { TestPaths.packageRoot + "/completions/mqadmin." + rawValue }

    /// The shell's executable; scripts/test.sh installs zsh and fish. A missing one fails the test, loudly.
    func executable() throws -> String {
        let path = "/usr/bin/" + rawValue
        try #require(
            FileManager.default.isExecutableFile(atPath: path),
            "\(path) is missing: run scripts/test.sh (it installs zsh and fish) or apt-get install \(rawValue)")
        return path
    }

    /// The environment of a completion: the binary on PATH, the given home, no target from the test's own
    /// environment.
    static func environment(home: String, extra: [String: String] = [:]) -> [String: String] {
        let binDir = (TestPaths.mqadmin as NSString).deletingLastPathComponent
        let path = binDir + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        return ["HOME": home, "PATH": path].merging(extra) { $1 }
    }
    static let unset = ["NAMESRV_ADDR", "MQADMIN_DATA", "MQADMIN_CONTEXT"]

    /// What the shell offers when Tab is pressed at the end of `line` (`mqadmin ...`; a trailing space
    /// completes a new word).
    func complete(_ line: String, home: String, environment extra: [String: String] = [:]) throws -> [String] {
        let shell = try executable()
        let env = Self.environment(home: home, extra: extra)
        let unset = Self.unset.filter { extra[$0] == nil }
        let r: CommandResult
        switch self {
        case .bash:
            r = try runCommand(shell, ["-c", bashDriver(line)], environment: env, unset: unset)
        case .zsh:
            let dir = try TempDirectory("zsh-driver")
            defer { dir.remove() }
            let setup = dir.path + "/setup.zsh"
            try zshSetup.write(toFile: setup, atomically: true, encoding: .utf8)
            // A completion that never finishes fails here instead of hanging the suite.
            r = try runCommand(
                "/usr/bin/timeout", ["60", shell, "-f", "-c", zshDriver, "zsh", setup, line], environment: env,
                unset: unset)
        case .fish:
            let command = "source \(quoted(script)); complete -C \(quoted(line))"
            r = try runCommand(shell, ["--no-config", "-c", command], environment: env, unset: unset)
        }
        #expect(r.status == 0, "\(rawValue) `\(line)`: exit \(r.status): \(r.stderr)")
        #expect(!r.stdout.contains("Error") && !r.stdout.contains("Usage"), "\(rawValue) `\(line)`: \(r.stdout)")
        let lines = r.stdout.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        // fish prints `candidate<TAB>description`.
        return lines.map { String($0.split(separator: "\t", maxSplits: 1).first ?? "") }
    }

    private func quoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// bash: the registered completion function (`complete -p mqadmin`), called with COMP_WORDS, COMP_CWORD,
    /// COMP_LINE and COMP_POINT as readline sets them.
    private func bashDriver(_ line: String) -> String {
        """
        source \(quoted(script))
        line=\(quoted(line))
        read -r -a COMP_WORDS <<< "$line"
        [[ "$line" == *" " ]] && COMP_WORDS+=("")
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        COMP_LINE="$line"
        COMP_POINT=${#COMP_LINE}
        spec=$(complete -p mqadmin)
        function=$(sed -E 's/.* -F ([^ ]+) .*/\\1/' <<< "$spec")
        "$function" mqadmin "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        printf '%s\\n' "${COMPREPLY[@]}"
        """
    }

    /// zsh: an interactive zsh in a pseudo-terminal (zpty) loads the script with compinit and types the line
    /// and Tab; every match the completion functions add is printed between markers.
    private var zshDriver: String {
        """
        zmodload zsh/zpty
        zpty z zsh -f -i
        zpty -w z "source ${(q)1}"
        zpty -w z "${2}"$'\\t'
        local line
        while zpty -r z line; do
            [[ "$line" == *"<done/>"* ]] && break
            [[ "$line" == *"<hit>"* ]] && print -r -- "${${line#*<hit>}%%</hit>*}"
        done
        zpty -d z
        """
    }

    private var zshSetup: String {
        """
        PROMPT='%% '
        autoload -Uz compinit && compinit -u -D
        source \(quoted(script))
        compadd() {
            if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\\ * ]]; then
                builtin compadd "$@"
                return
            fi
            local -a hits
            builtin compadd -A hits "$@"
            local hit
            for hit in $hits; do print -r -- "<hit>${hit}</hit>"; done
            builtin compadd "$@"
        }
        __mqadmin_test_done() { print -r -- "<done/>"; exit }
        __mqadmin_test_tab() { comppostfuncs=(__mqadmin_test_done); zle complete-word }
        zle -N __mqadmin_test_tab
        bindkey '^I' __mqadmin_test_tab

        """
    }
}
