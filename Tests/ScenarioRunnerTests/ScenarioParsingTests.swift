import ParleyContracts
import ScenarioRunner
import ServiceRuntime
import Testing

struct ScenarioParsingTests {
    typealias Step = ScenarioScript.Step

    // MARK: - A whole script

    @Test func aConversationWithAServiceDownParsesIntoItsSteps() throws {
        let text = """
            # Alice and Bob chat in #general; Bob keeps typing while messaging is down.
            size 100x30
            timeout 5s

            user alice
            send /register alice correct-horse Alice Liddell
            send "/join #general"   # quoted, so a comment may follow
            expect screen contains #general

            user Bob
            send /register bob hunter22
            send "/join #general"
            send hello alice 👋
            expect screen contains hello alice

                # Messaging goes down: what Bob sends waits in his outbox.
                send /service stop messaging
                expect service messaging stopped
            type are you there?
            press Enter
            expect outbox 1
            expect screen contains pending
            send /service start messaging
            expect service messaging running
            expect outbox 0

            user alice
            wait 300ms
            expect screen contains are you there?
            expect screen lacks pending
            timeout 5s   # a comment after a directive without TEXT
            press F12
            press Down
            snapshot alice-debug-panel.v1
            press f12
            send /quit
            """
        let script = try ScenarioScript.parse(text, file: "chat.scenario")
        #expect(script.file == "chat.scenario")
        #expect(
            script.steps == [
                Step(line: 2, directive: .size(width: 100, height: 30), source: "size 100x30"),
                Step(line: 3, directive: .timeout(.seconds(5)), source: "timeout 5s"),
                Step(line: 5, directive: .user("alice"), source: "user alice"),
                Step(
                    line: 6, directive: .send("/register alice correct-horse Alice Liddell"),
                    source: "send /register alice correct-horse Alice Liddell"),
                Step(
                    line: 7, directive: .send("/join #general"),
                    source: #"send "/join #general"   # quoted, so a comment may follow"#),
                Step(
                    line: 8, directive: .expectScreenContains("#general"),
                    source: "expect screen contains #general"),
                Step(line: 10, directive: .user("bob"), source: "user Bob"),
                Step(line: 11, directive: .send("/register bob hunter22"), source: "send /register bob hunter22"),
                Step(line: 12, directive: .send("/join #general"), source: #"send "/join #general""#),
                Step(line: 13, directive: .send("hello alice 👋"), source: "send hello alice 👋"),
                Step(
                    line: 14, directive: .expectScreenContains("hello alice"),
                    source: "expect screen contains hello alice"),
                Step(
                    line: 17, directive: .send("/service stop messaging"), source: "send /service stop messaging"),
                Step(
                    line: 18, directive: .expectService(name: "messaging", state: .stopped),
                    source: "expect service messaging stopped"),
                Step(line: 19, directive: .type("are you there?"), source: "type are you there?"),
                Step(line: 20, directive: .press(.enter), source: "press Enter"),
                Step(line: 21, directive: .expectOutbox(1), source: "expect outbox 1"),
                Step(line: 22, directive: .expectScreenContains("pending"), source: "expect screen contains pending"),
                Step(
                    line: 23, directive: .send("/service start messaging"),
                    source: "send /service start messaging"),
                Step(
                    line: 24, directive: .expectService(name: "messaging", state: .running),
                    source: "expect service messaging running"),
                Step(line: 25, directive: .expectOutbox(0), source: "expect outbox 0"),
                Step(line: 27, directive: .user("alice"), source: "user alice"),
                Step(line: 28, directive: .wait(.milliseconds(300)), source: "wait 300ms"),
                Step(
                    line: 29, directive: .expectScreenContains("are you there?"),
                    source: "expect screen contains are you there?"),
                Step(line: 30, directive: .expectScreenLacks("pending"), source: "expect screen lacks pending"),
                Step(
                    line: 31, directive: .timeout(.seconds(5)),
                    source: "timeout 5s   # a comment after a directive without TEXT"),
                Step(line: 32, directive: .press(.function(12)), source: "press F12"),
                Step(line: 33, directive: .press(.down), source: "press Down"),
                Step(
                    line: 34, directive: .snapshot("alice-debug-panel.v1"), source: "snapshot alice-debug-panel.v1"),
                Step(line: 35, directive: .press(.function(12)), source: "press f12"),
                Step(line: 36, directive: .send("/quit"), source: "send /quit"),
            ])
    }

    @Test func anEmptyScriptHasNoSteps() throws {
        #expect(try ScenarioScript.parse("", file: "-") == ScenarioScript(file: "-", steps: []))
        #expect(try ScenarioParsing.directives("\n  \n# only comments\n\t# and blanks\n").isEmpty)
    }

    // MARK: - Lines

    @Test func windowsLineEndingsAreTolerated() throws {
        let script = try ScenarioScript.parse("size 100x30\r\ntype hi \r\n\r\n# note\r\npress Enter\r\n", file: "w")
        #expect(
            script.steps == [
                Step(line: 1, directive: .size(width: 100, height: 30), source: "size 100x30"),
                Step(line: 2, directive: .type("hi"), source: "type hi"),
                Step(line: 5, directive: .press(.enter), source: "press Enter"),
            ])
    }

    @Test func aByteOrderMarkBeforeTheFirstLineIsIgnored() throws {
        let script = try ScenarioScript.parse("\u{FEFF}user alice\n", file: "bom")
        #expect(script.steps == [Step(line: 1, directive: .user("alice"), source: "user alice")])
    }

    @Test func sourceIsTheTrimmedLineWithItsComment() throws {
        let script = try ScenarioScript.parse("\t  wait 1s   # let the clock tick  \n", file: "s")
        #expect(script.steps.map(\.source) == ["wait 1s   # let the clock tick"])
    }

    @Test func theFirstErrorStopsTheParseAndNamesItsLine() {
        let error = ScenarioParsing.syntaxError("size 100x30\n\n# typo below\nexpct screen contains x\nsize 1x1\n")
        #expect(
            error?.description
                == "test.scenario:4: unknown directive \"expct\"; "
                + "the directives are size, user, type, press, send, expect, timeout, wait, snapshot, server")
    }

    // MARK: - Arguments

    @Test(arguments: [
        ("size 20x5", ScenarioScript.Directive.size(width: 20, height: 5)),
        ("size 1000x1000", .size(width: 1000, height: 1000)),
        ("size 080x024", .size(width: 80, height: 24)),
        ("user ALICE_2", .user("alice_2")),
        ("user b-o", .user("b-o")),
        ("user abcdefghijklmnopqrstuvwxyz012345", .user("abcdefghijklmnopqrstuvwxyz012345")),
        ("expect service account crashed", .expectService(name: "account", state: .crashed)),
        ("expect service attachment restarting", .expectService(name: "attachment", state: .restarting)),
        ("expect service media failed", .expectService(name: "media", state: .failed)),
        ("expect service messaging starting # still", .expectService(name: "messaging", state: .starting)),
        ("expect outbox 12", .expectOutbox(12)),
        ("expect bells 2", .expectBells(2)),
        ("snapshot A_b-1.2", .snapshot("A_b-1.2")),
        ("snapshot a..b", .snapshot("a..b")),
        ("snapshot " + String(repeating: "s", count: 100), .snapshot(String(repeating: "s", count: 100))),
        ("expect screen contains \"  two spaces  \"", .expectScreenContains("  two spaces  ")),
        ("expect screen lacks Bob: hi", .expectScreenLacks("Bob: hi")),
    ])
    func argumentsAreRead(line: String, directive: ScenarioScript.Directive) throws {
        #expect(try ScenarioParsing.directive(line) == directive)
    }

    @Test func everyServiceStateIsAccepted() throws {
        for state in ServiceState.allCases {
            #expect(
                try ScenarioParsing.directive("expect service account \(state.rawValue)")
                    == .expectService(name: "account", state: state))
        }
    }

    // MARK: - Errors

    static let expectations =
        "write expect screen contains TEXT, expect screen lacks TEXT, expect service NAME STATE, expect outbox N "
        + "or expect bells N"
    static let services = "the services are account, messaging, attachment, media, camera"
    static let states = "the states are starting, running, stopping, stopped, crashed, restarting, failed"
    static let userNames = "names are 2 to 32 characters from a-z, 0-9, _ and -"
    static let snapshotNames = "names are up to 100 letters, digits, -, _ and ., not starting with ."
    static let sizes = "screens are at least 20x5 and at most 1000x1000"

    @Test(arguments: [
        (
            "Size 100x30", 1,
            #"unknown directive "Size"; the directives are size, user, type, press, send, expect, timeout, wait, snapshot, server"#
        ),
        ("\n\nsize", 3, "size needs WxH, for example size 100x30"),
        ("size 100x30 big", 1, #"extra argument "big"; size takes one WxH"#),
        ("size 100X30", 1, #""100X30" is not a size; write WIDTHxHEIGHT, for example 100x30"#),
        ("size -100x30", 1, #""-100x30" is not a size; write WIDTHxHEIGHT, for example 100x30"#),
        ("size 100 x 30", 1, #""100" is not a size; write WIDTHxHEIGHT, for example 100x30"#),
        ("size 19x30", 1, "19x30 is out of range; \(sizes)"),
        ("size 100x4", 1, "100x4 is out of range; \(sizes)"),
        ("size 1001x30", 1, "1001x30 is out of range; \(sizes)"),
        ("size 100x99999999999999999999", 1, "100x99999999999999999999 is out of range; \(sizes)"),
        ("user", 1, "user needs a NAME, for example user alice"),
        ("user a", 1, #""a" is not a user name; \#(userNames)"#),
        ("user zoë", 1, #""zoë" is not a user name; \#(userNames)"#),
        ("user \u{212A}elvin", 1, "\"\u{212A}elvin\" is not a user name; \(userNames)"),
        ("user al.ice", 1, #""al.ice" is not a user name; \#(userNames)"#),
        (
            "user " + String(repeating: "a", count: 33), 1,
            "\"\(String(repeating: "a", count: 33))\" is not a user name; \(userNames)"
        ),
        ("user alice bob", 1, #"extra argument "bob"; user takes one NAME"#),
        ("type", 1, "type needs TEXT, the rest of the line or a double-quoted string"),
        ("send \"\"", 1, "the text is empty; send needs at least one character"),
        ("send \"\"  # nothing", 1, "the text is empty; send needs at least one character"),
        ("press", 1, ##"press needs a KEY, for example press Enter, press Ctrl-R or press x; write "#" in quotes"##),
        ("press #", 1, ##"press needs a KEY, for example press Enter, press Ctrl-R or press x; write "#" in quotes"##),
        ("press Enter Tab", 1, #"extra argument "Tab"; press takes one KEY"#),
        ("expect", 1, "expect needs something to expect; \(expectations)"),
        ("expect screne contains x", 1, #"unknown expectation "screne"; \#(expectations)"#),
        (
            "expect screen", 1,
            "expect screen needs contains or lacks; write expect screen contains TEXT or expect screen lacks TEXT"
        ),
        (
            "expect screen has x", 1,
            #"unknown screen expectation "has"; write expect screen contains TEXT or expect screen lacks TEXT"#
        ),
        (
            "expect screen contains", 1,
            "expect screen contains needs TEXT, the rest of the line or a double-quoted string"
        ),
        ("expect service", 1, "expect service needs a NAME and a STATE; \(services)"),
        ("expect service chat running", 1, #""chat" is not a service; \#(services)"#),
        ("expect service Account running", 1, #""Account" is not a service; \#(services)"#),
        ("expect service messaging", 1, "expect service messaging needs a STATE; \(states)"),
        ("expect service messaging up", 1, #""up" is not a service state; \#(states)"#),
        ("expect service messaging Running", 1, #""Running" is not a service state; \#(states)"#),
        ("expect service messaging running now", 1, #"extra argument "now"; expect service takes a NAME and a STATE"#),
        ("expect outbox", 1, "expect outbox needs N, the number of undelivered items"),
        ("expect outbox -1", 1, #""-1" is not a count; expect outbox takes a whole number, 0 or more"#),
        ("expect outbox one", 1, #""one" is not a count; expect outbox takes a whole number, 0 or more"#),
        (
            "expect outbox 99999999999999999999", 1,
            #""99999999999999999999" is not a count; expect outbox takes a whole number, 0 or more"#
        ),
        ("expect outbox 1 2", 1, #"extra argument "2"; expect outbox takes one N"#),
        ("expect bells", 1, "expect bells needs N, how often the bell has rung"),
        ("expect bells x", 1, #""x" is not a count; expect bells takes a whole number, 0 or more"#),
        ("timeout", 1, "timeout needs a DURATION, for example timeout 2s"),
        ("wait # a while", 1, "wait needs a DURATION, for example wait 2s"),
        ("wait 1s 2s", 1, #"extra argument "2s"; wait takes one DURATION"#),
        ("snapshot", 1, "snapshot needs a NAME, for example snapshot after-login"),
        ("snapshot ../escape", 1, #""../escape" is not a snapshot name; \#(snapshotNames)"#),
        ("snapshot a/b", 1, #""a/b" is not a snapshot name; \#(snapshotNames)"#),
        ("snapshot a\\b", 1, #""a\\b" is not a snapshot name; \#(snapshotNames)"#),
        ("snapshot .hidden", 1, #"".hidden" is not a snapshot name; \#(snapshotNames)"#),
        ("snapshot café", 1, #""café" is not a snapshot name; \#(snapshotNames)"#),
        (
            "snapshot " + String(repeating: "s", count: 101), 1,
            "\"\(String(repeating: "s", count: 101))\" is not a snapshot name; \(snapshotNames)"
        ),
        ("snapshot one two", 1, #"extra argument "two"; snapshot takes one NAME"#),
        (
            "user alice\r\n\r\n  bogus\r\n", 3,
            #"unknown directive "bogus"; the directives are size, user, type, press, send, expect, timeout, wait, snapshot, server"#
        ),
    ])
    func aBadLineIsRefusedWithItsNumberAndReason(script: String, line: Int, reason: String) {
        let error = ScenarioParsing.syntaxError(script)
        #expect(error == ScenarioSyntaxError(file: ScenarioParsing.file, line: line, reason: reason))
    }
}
