import Foundation
import MQTestSupport
import Testing

/// The test helper that runs commands must never hang the test run: CI has one limit for the whole run, and a
/// hang there names nothing.
@Suite struct RunCommandTests {
    @Test func aCommandThatOutlivesItsTimeoutIsKilledAndNamed() throws {
        let started = ContinuousClock.now
        do {
            _ = try runCommand("/bin/sleep", ["30"], timeout: .milliseconds(300))
            Issue.record("a 30 s sleep returned within a 300 ms limit")
        } catch let error as TestProcessError {
            #expect(String(describing: error).contains("/bin/sleep 30 did not exit within"))
        }
        #expect(ContinuousClock.now - started < .seconds(20))
    }

    @Test func aChildLeftRunningDoesNotHoldTheOutputOpen() throws {
        // The command exits at once, leaving a child that inherited its stdout and stderr: the output is there,
        // and the call returns without waiting for the child.
        let started = ContinuousClock.now
        let r = try runCommand("/bin/sh", ["-c", "sleep 30 & echo out; echo err >&2"], stdin: "ignored")
        #expect(r.status == 0)
        #expect(r.stdout == "out\n")
        #expect(r.stderr == "err\n")
        #expect(ContinuousClock.now - started < .seconds(20))
    }

    @Test func anOperationPastItsDeadlineFailsWithoutBeingWaitedFor() async throws {
        // The body ignores cancellation for 5 s: the deadline (300 ms) ends the wait, not the body.
        let started = ContinuousClock.now
        await #expect(throws: WaitTimedOut.self) {
            try await withDeadline("a stuck operation", timeout: .milliseconds(300)) {
                await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                    DispatchQueue.global().asyncAfter(deadline: .now() + 5) { done.resume() }
                }
            }
        }
        #expect(ContinuousClock.now - started < .seconds(4))
        #expect(try await withDeadline("a quick operation", timeout: .seconds(30)) { 42 } == 42)
    }

    @Test func standardInputIsGivenAndClosed() throws {
        let r = try runCommand("/bin/cat", [], stdin: "line one\nline two\n")
        #expect(r.status == 0)
        #expect(r.stdout == "line one\nline two\n")
    }
}
