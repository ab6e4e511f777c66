import ArgumentParser

/// The shell completion scripts mqadmin ships (`mqadmin --generate-completion-script SHELL`, completions/):
/// ArgumentParser's, with its entry function wrapped so the options every command takes may also stand before
/// the subcommand (`mqadmin -n ADDR topic describe <TAB>`), as CommandRunner accepts them when running.
///
/// The generated parsers expect those options after the subcommand; the wrapper moves them behind the word
/// being completed, where the parsers do not look but the custom completion (`LiveNames`, which reads the
/// target from them) still gets them.
public enum CompletionScripts {
    /// What the wrapper moves: CommandRunner's leading options, and `--context` (`CompletionTarget`).
    static var optionsWithValue: [String] {
        (CommandRunner.globalOptionsWithValue.union([CompletionTarget.contextOption])).sorted()
    }
    static var flags: [String] { CommandRunner.globalFlags.sorted() }

    public static func script(for shell: CompletionShell) -> String {
        let generated = MQAdmin.completionScript(for: shell)
        switch shell {
        case .bash:
            return renaming(generated, "\n_mqadmin() {\n", to: "\n__mqadmin_generated() {\n") + bash
        case .zsh:
            let entry = "if [[ \"${funcstack[1]}\" = _mqadmin ]]; then"
            let renamed = renaming(generated, "\n_mqadmin() {\n", to: "\n__mqadmin_generated() {\n")
            return renamed.replacingOccurrences(of: "\n" + entry, with: "\n" + zsh + entry)
        case .fish:
            var renamed = renaming(
                generated, "\nfunction __mqadmin_tokens\n", to: "\nfunction __mqadmin_generated_tokens\n")
            for condition in fishConditions {
                let generatedName = "__mqadmin_generated" + condition.dropFirst("__mqadmin".count)
                renamed = renaming(renamed, "function \(condition) ", to: "function \(generatedName) ")
            }
            return renamed + fish + fishMemo
        default:
            return generated
        }
    }

    /// `text` with its one `anchor` replaced; a generator that no longer writes it must fail the docs tests,
    /// not ship an unwrapped script.
    private static func renaming(_ text: String, _ anchor: String, to replacement: String) -> String {
        precondition(text.components(separatedBy: anchor).count == 2, "completion script: \(anchor) not found once")
        return text.replacingOccurrences(of: anchor, with: replacement)
    }

    private static func words(_ list: [String]) -> String { list.joined(separator: " ") }

    static var bash: String {
        """

        # mqadmin: options every command takes may stand before the subcommand; they are moved behind the word
        # being completed, where the generated parser does not look but the custom completion sees them.
        _mqadmin() {
            local -ar with_value=(\(words(optionsWithValue)))
            local -ar flags=(\(words(flags)))
            local -a moved=()
            local -i i=1
            while ((i < COMP_CWORD)); do
                local word="${COMP_WORDS[i]}"
                if [[ " ${flags[*]} " == *" ${word} "* ||
                    ("${word}" == --*=* && " ${with_value[*]} " == *" ${word%%=*} "*) ]]; then
                    moved+=("${word}")
                    ((i += 1))
                elif [[ " ${with_value[*]} " == *" ${word} "* ]] && ((i + 1 < COMP_CWORD)); then
                    moved+=("${word}" "${COMP_WORDS[i + 1]}")
                    ((i += 2))
                else
                    break
                fi
            done
            if ((${#moved[@]} == 0)); then
                __mqadmin_generated "${@}"
                return
            fi
            # bash passes the current word up to the cursor: where the cursor stands in it.
            local -ir offset=${#2}
            local -a COMP_WORDS=("${COMP_WORDS[0]}" "${COMP_WORDS[@]:i}" "${moved[@]}")
            local -i COMP_CWORD=$((COMP_CWORD - ${#moved[@]}))
            local before="${COMP_WORDS[*]::COMP_CWORD}"
            local COMP_LINE="${COMP_WORDS[*]}"
            local -i COMP_POINT=$((${#before} + 1 + offset))
            __mqadmin_generated "${1}" "${2}" "${COMP_WORDS[COMP_CWORD - 1]}"
        }

        """
    }

    static var zsh: String {
        """
        # mqadmin: options every command takes may stand before the subcommand; they are moved behind the word
        # being completed, where the generated parser does not look but the custom completion sees them.
        _mqadmin() {
            local -ar with_value=(\(words(optionsWithValue)))
            local -ar flags=(\(words(flags)))
            local -a moved=()
            while ((CURRENT > 2)); do
                local word="${words[2]}"
                if ((${flags[(Ie)${word}]})) || { [[ "${word}" == --*=* ]] && ((${with_value[(Ie)${word%%=*}]})) }; then
                    moved+=("${word}")
                    words[2]=()
                    ((CURRENT -= 1))
                elif ((${with_value[(Ie)${word}]})) && ((CURRENT > 3)); then
                    moved+=("${word}" "${words[3]}")
                    words[2,3]=()
                    ((CURRENT -= 2))
                else
                    break
                fi
            done
            words+=("${moved[@]}")
            __mqadmin_generated "${@}"
        }


        """
    }

    /// The generated conditions of fish's `complete -n`, answered from one parse per line (`fishMemo`).
    private static let fishConditions = [
        "__mqadmin_should_offer_completions_for_flags_or_options",
        "__mqadmin_should_offer_completions_for_positional",
    ]

    /// fish tests every `complete -n` condition of the script (about 2,500) for one Tab, and each generated
    /// condition parses the whole line again: 7 to 9 s per Tab on a 2-core machine. The line up to the cursor
    /// is parsed once instead (the memo is keyed by it), a condition for another command is answered from the
    /// memo, and only a matching command's options run the generated condition. Reading the line with
    /// `commandline | read` rather than a command substitution matters: fish makes each substitution inside a
    /// condition cost about a millisecond in a script this size.
    static var fishMemo: String {
        """

        function __mqadmin_parse_memo -a line
            set -l non_repeating_flags_or_options
            set -l non_repeating_flags_or_options_absent 0
            set -l positional_index 0
            set -l commands
            __mqadmin_parse_tokens
            set -g __mqadmin_memo_line $line
            set -g __mqadmin_memo_commands "$commands"
            set -g __mqadmin_memo_positional_index $positional_index
        end

        # The memo is checked here, not in a function of its own: a function call inside a condition costs
        # about as much as a command substitution.
        function __mqadmin_should_offer_completions_for_flags_or_options -a expected_commands
            commandline -pc | read -lz line
            test "$line" = "$__mqadmin_memo_line"; or __mqadmin_parse_memo $line
            test "$__mqadmin_memo_commands" = "$expected_commands"; or return 1
            __mqadmin_generated_should_offer_completions_for_flags_or_options $argv
        end

        function __mqadmin_should_offer_completions_for_positional -a expected_commands comparison expected_index
            commandline -pc | read -lz line
            test "$line" = "$__mqadmin_memo_line"; or __mqadmin_parse_memo $line
            test "$__mqadmin_memo_commands" = "$expected_commands" -a \\( "$__mqadmin_memo_positional_index" \\
                "$comparison" "$expected_index" \\)
        end

        """
    }

    static var fish: String {
        """

        # mqadmin: options every command takes may stand before the subcommand; they are moved behind the token
        # being completed, where the generated parser does not look but the custom completion sees them.
        function __mqadmin_tokens
            if test "$argv" = -tC
                # The cursor's index in the current token, which `commandline -t -C` cannot tell where fish 3
                # completes a given line (`complete -C`): the length of the token cut at the cursor can.
                set -l token (commandline -ct)
                string length -- "$token"
                return
            end
            set -l tokens (__mqadmin_generated_tokens $argv)
            contains -- -p $argv; or contains -- -pc $argv; or begin; printf '%s\\n' $tokens; return; end
            set -l with_value \(words(optionsWithValue))
            set -l flags \(words(flags))
            set -l before (__mqadmin_generated_tokens -pc)
            set -l i 2
            while test $i -le (count $before)
                set -l word $before[$i]
                set -l name (string split -m 1 -- = $word)[1]
                set -l joined (string match -q -- '--*=*' $word; and contains -- $name $with_value; and echo yes)
                if contains -- $word $flags; or test -n "$joined"
                    set i (math $i + 1)
                else if contains -- $word $with_value; and test $i -lt (count $before)
                    set i (math $i + 2)
                else
                    break
                end
            end
            set -l moved $tokens[2..(math $i - 1)]
            test $i -gt 2; or set moved
            set -l rest $tokens[1] $tokens[$i..]
            test $i -le (count $tokens); or set rest $tokens[1]
            if contains -- -pc $argv
                printf '%s\\n' $rest
            else
                printf '%s\\n' $rest $moved
            end
        end

        """
    }
}
