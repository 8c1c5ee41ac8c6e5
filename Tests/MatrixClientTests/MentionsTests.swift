import Foundation
import MatrixClient
import Testing

/// `m.mentions` on what Parley sends: the user ids a message names, as Tab completes them.
struct MentionsTests {
    @Test func theUserIDsWrittenInATextAreItsMentionsEachOnceInOrder() {
        let body = "@bob:example.org, @ann-1:localhost:8448 and @bob:example.org again"
        #expect(Mentions.written(in: body)?.userIDs == ["@bob:example.org", "@ann-1:localhost:8448"])
    }

    @Test func sentencePunctuationAfterAnIDIsNotPartOfIt() {
        #expect(Mentions.written(in: "ask @bob:example.org.")?.userIDs == ["@bob:example.org"])
        #expect(Mentions.written(in: "(@bob:example.org)")?.userIDs == ["@bob:example.org"])
    }

    @Test func namesWithoutAServerAndAddressesInsideWordsAreNoMentions() {
        #expect(Mentions.written(in: "thanks @bob, see mail@example.org:25 or @:server or @Bob:server") == nil)
    }

    @Test func aTextMessageCarriesItsMentionsAndOneWithoutNamesCarriesNone() throws {
        let named = try JSONValue(encoding: RoomMessageContent.text("@bob:example.org look"))
        #expect(named["m.mentions"]?["user_ids"] == .array([.string("@bob:example.org")]))
        let plain = try JSONValue(encoding: RoomMessageContent.text("look"))
        #expect(plain["m.mentions"] == nil)
        let decoded = try JSONDecoder().decode(
            RoomMessageContent.self, from: Data(#"{"msgtype":"m.text","body":"hi","m.mentions":{"user_ids":[]}}"#.utf8))
        #expect(decoded.mentions == Mentions(userIDs: []))
    }
}
