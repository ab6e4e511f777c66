import Foundation
import Testing

@testable import MQAdminCLI

/// Which target a line being completed points at, and the cache key that keeps targets apart.
@Suite struct CompletionTargetTests {
    let home = "/home/op"
    func target(_ line: String, _ environment: [String: String] = [:]) -> CompletionTarget {
        let words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var console = Console.process
        console.environment = ["HOME": home].merging(environment) { $1 }
        return Console.$current.withValue(console) {
            CompletionTarget.of(words: words, environment: Console.current.environment)
        }
    }

    @Test func targetOptionsCountWhereverTheyStand() {
        let cluster = CompletionTarget.nameServers(["10.0.0.1:9876", "10.0.0.2:9876"])
        #expect(target("mqadmin -n 10.0.0.2:9876;10.0.0.1:9876 topic describe Or") == cluster)
        #expect(target("mqadmin topic describe --namesrv 10.0.0.1:9876;10.0.0.2:9876 Or") == cluster)
        #expect(target("mqadmin topic describe --namesrvAddr=10.0.0.1:9876;10.0.0.2:9876 ") == cluster)
        #expect(target("mqadmin --data /srv/a topic describe ") == .dataDirectory("/srv/a"))
        #expect(target("mqadmin topic describe --data=/srv/b/../a ") == .dataDirectory("/srv/a"))
        #expect(target("mqadmin --context prod topic describe ") == .context("prod"))
        #expect(target("mqadmin topic describe --context=prod ") == .context("prod"))
        // After `--` words are names, not options.
        #expect(target("mqadmin topic describe -- -n") == .dataDirectory(home + "/.mqadmin/data"))
    }

    @Test func theLineBeatsTheEnvironmentAndNameServersBeatTheRest() {
        let env = ["NAMESRV_ADDR": "10.0.0.9:9876", "MQADMIN_CONTEXT": "staging", "MQADMIN_DATA": "/srv/env"]
        #expect(target("mqadmin topic describe ", env) == .nameServers(["10.0.0.9:9876"]))
        #expect(target("mqadmin -n 10.0.0.1:9876 topic describe ", env) == .nameServers(["10.0.0.1:9876"]))
        #expect(target("mqadmin --context prod topic describe ", env) == .context("prod"))
        #expect(target("mqadmin topic describe ", ["MQADMIN_CONTEXT": "staging"]) == .context("staging"))
        #expect(target("mqadmin topic describe ", ["MQADMIN_DATA": "/srv/env"]) == .dataDirectory("/srv/env"))
        #expect(target("mqadmin topic describe ") == .dataDirectory(home + "/.mqadmin/data"))
        // The commands' own order (ConnectionOptions.resolveTarget): --data before --context, MQADMIN_DATA
        // before MQADMIN_CONTEXT.
        #expect(target("mqadmin --context prod --data /srv/a topic describe ") == .dataDirectory("/srv/a"))
        let dataAndContext = ["MQADMIN_CONTEXT": "staging", "MQADMIN_DATA": "/srv/env"]
        #expect(target("mqadmin topic describe ", dataAndContext) == .dataDirectory("/srv/env"))
    }

    @Test func eachTargetHasItsOwnStableCacheFile() {
        let targets: [CompletionTarget] = [
            .nameServers(["10.0.0.1:9876"]), .nameServers(["10.0.0.2:9876"]), .dataDirectory("/srv/a"),
            .dataDirectory("/srv/b"), .context("prod"), .context("/srv/a"),
        ]
        #expect(Set(targets.map(\.digest)).count == targets.count)
        #expect(targets.allSatisfy { $0.digest.count == 16 })
        // The digest is the file name in every process: FNV-1a of the key, fixed.
        #expect(CompletionTarget.dataDirectory("/srv/a").key == "data:/srv/a")
        #expect(CompletionTarget.context("prod").digest == CompletionTarget.context("prod").digest)
        for t in targets { #expect(CompletionTarget(refreshArguments: t.refreshArguments) == t) }
    }

    @Test func hiddenNamesAreOfferedOnlyOnceTheirPrefixIsTyped() {
        let topics = ["Orders", "Payments"]
        let system = ["%RETRY%billing", "SCHEDULE_TOPIC_XXXX", "TBW102"]
        #expect(LiveNames.offer(topics, hidden: system, prefix: "") == ["Orders", "Payments"])
        #expect(LiveNames.offer(topics, hidden: system, prefix: "%R") == ["%RETRY%billing"])
        #expect(LiveNames.offer(topics, hidden: system, prefix: "TB") == ["TBW102"])
        #expect(LiveNames.offer(topics, hidden: system, prefix: "O") == ["Orders"])
    }

    @Test func theTypedWordIsTheOneBeingCompletedEvenWithOptionsMovedBehindIt() {
        // As the scripts call the helper after moving `-n ADDR` from before the subcommand.
        #expect(LiveNames.typed(["mqadmin", "topic", "describe", "Or", "-n", "h:9876"], 3, "h:") == "Or")
        #expect(LiveNames.typed(["mqadmin", "topic", "describe", "-n", "h:9876", "Or"], 5, "Or") == "Or")
        #expect(LiveNames.typed(["mqadmin", "topic", "describe", "Orders"], 3, "Ord") == "Ord")
        #expect(LiveNames.typed(["mqadmin", "topic", "describe", "''", "--data", "/srv/a"], 3, "/s") == "")
    }

    /// The REPL's Tab hides system names as the shells do, with the same predicates.
    @Test func theReplHidesSystemNamesUntilTyped() {
        let names = NamesRefresh.Sorted(
            topics: ["Orders", "TBW102", "SCHEDULE_TOPIC_XXXX", "DefaultCluster", "%RETRY%billing"],
            groups: ["billing", "TOOLS_CONSUMER", "CID_RMQ_SYS_probe"]
        ) { $0 == "DefaultCluster" }
        #expect(CommandTree.complete(before: ["topic", "describe"], word: "", names: names) == ["Orders"])
        #expect(CommandTree.complete(before: ["topic", "describe"], word: "TB", names: names) == ["TBW102"])
        #expect(CommandTree.complete(before: ["group", "describe"], word: "", names: names) == ["billing"])
        #expect(CommandTree.complete(before: ["group", "describe"], word: "TOOLS", names: names) == ["TOOLS_CONSUMER"])
        #expect(CommandTree.complete(before: ["offset", "show", "-t"], word: "%", names: names) == ["%RETRY%billing"])
    }
}
