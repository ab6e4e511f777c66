import Testing

@testable import MQBroker

/// Which registration round answers a topic create: the first that started after its change.
@Suite struct RegistrationRoundsTests {
    @Test func aRoundAnswersWhoWaitsForChangesItCarries() {
        var rounds = RegistrationRounds<String>()
        // Nothing asked for: answered at once, no round needed.
        #expect(rounds.wait("idle") == (answerNow: true, needsRound: false))

        // A change, then its round starts, then the create waits: that round answers it, no other is needed.
        rounds.request()
        let first = rounds.start()
        #expect(rounds.wait("create-1") == (answerNow: false, needsRound: false))
        // A change after the round started: its waiter needs the next round.
        rounds.request()
        #expect(rounds.wait("create-2") == (answerNow: false, needsRound: true))
        #expect(rounds.end(carrying: first) == ["create-1"])
        #expect(rounds.isWaitedOn)

        let second = rounds.start()
        #expect(rounds.end(carrying: second) == ["create-2"])
        #expect(!rounds.isWaitedOn)
        // Everything registered: a create that changed nothing is answered at once.
        #expect(rounds.wait("unchanged") == (answerNow: true, needsRound: false))
    }

    @Test func finishAnswersEveryoneNowAndLater() {
        var rounds = RegistrationRounds<Int>()
        rounds.request()
        #expect(rounds.wait(1).answerNow == false)
        #expect(rounds.finish() == [1])
        rounds.request()
        #expect(rounds.wait(2) == (answerNow: true, needsRound: false))
    }
}
