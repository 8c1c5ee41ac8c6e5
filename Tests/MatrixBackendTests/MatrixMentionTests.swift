import Foundation
import MatrixClient
import ParleyTestKit
import ScenarioRunner
import Testing

extension MatrixBackendSuites {
    /// Mentions with a Matrix client that is not Parley. Its mention, written as Element writes one (the
    /// display name in the body, a pill in the formatted body, `m.mentions`), is highlighted in Parley, counted
    /// in the room list and rings the bell; Parley's mention, completed with Tab, is one the server's push rules
    /// count as a highlight for the other client.
    @Suite(.timeLimit(.minutes(3)))
    struct MatrixMentionTests {
        @Test func mentionsTravelBothWaysBetweenParleyAndAPlainMatrixClient() async throws {
            let homeserver = try TestHomeserver.current()
            let (zed, alias) = try await MatrixAttachmentTests.otherClientsRoom(homeserver)
            let roomID = try await zed.resolveAlias("\(alias):localhost").roomID
            let zedID = try #require(zed.session?.userID)
            let zedName = String(zedID.dropFirst().split(separator: ":")[0])
            let ann = TestHomeserver.uniqueUserName("ann")
            // After the other client's room (`#p…`) in the room list, which is sorted by name.
            let elsewhere = "#z" + UUID().uuidString.prefix(6).lowercased()
            let text = """
                server \(homeserver.url)
                size 120x30
                timeout 30s
                user ann
                send /register \(ann) correct-horse
                expect screen contains signed in as \(ann)
                send /join \(alias)
                expect screen contains 1 \(alias)
                send /join \(elsewhere)
                expect screen contains 2 \(elsewhere)
                send here now
                expect bells 1
                expect screen contains @1
                press Alt-1
                expect screen contains \(zedName): \(ann): are you around?
                expect screen lacks @1
                type "@\(zedName.prefix(5))"
                press Tab
                expect screen contains > @\(zedName):localhost
                type " yes"
                press Enter
                expect screen lacks sending…
                """
            let directory = TemporaryDirectory("mentions")
            defer { directory.remove() }
            async let report = MatrixBackendSuites.runScenario(text, named: "matrix-mentions.scenario", in: directory)

            // Zed waits until ann is looking at another room (she says so there), then mentions her in his
            let annMovedOn = await eventually(timeout: .seconds(90)) {
                guard let other = try? await zed.resolveAlias("\(elsewhere):localhost").roomID else { return false }
                _ = try? await zed.join(other)
                let said = try? await zed.messages(in: other, limit: 10).chunk.contains {
                    $0.message?.body == "here now"
                }
                return said == true
            }
            #expect(annMovedOn)
            let annID = "@\(ann):localhost"
            let mention = JSONValue.object([
                "msgtype": .string("m.text"), "body": .string("\(ann): are you around?"),
                "format": .string("org.matrix.custom.html"),
                "formatted_body": .string(#"<a href="https://matrix.to/#/\#(annID)">\#(ann)</a>: are you around?"#),
                "m.mentions": .object(["user_ids": .array([.string(annID)])]),
            ])
            _ = try await zed.send(mention, to: roomID, transactionID: "zed-mention-1")
            #expect(try await report.sessions == 1)

            // Then ann's answer, which names zed as Tab completed it, is a highlight for zed
            let highlighted = try await eventually(timeout: .seconds(30)) {
                let answer = try await zed.sync(timeout: .zero)
                return (answer.rooms.join[roomID]?.unreadNotifications?.highlightCount ?? 0) >= 1
            }
            #expect(highlighted)
            try await zed.shutdown()
        }
    }
}
