import Foundation
import MatrixClient
import Testing

struct JSONValueTests {
    @Test func everyKindOfValueDecodesAsItselfAndEncodesBack() throws {
        let text = #"{"a":null,"b":true,"c":false,"d":3,"e":2.5,"f":"x","g":[1,"y",{"h":[]}],"i":{}}"#
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(value["a"] == .null)
        #expect(value["b"] == .bool(true))
        #expect(value["c"]?.boolValue == false)
        #expect(value["d"]?.intValue == 3)
        #expect(value["e"]?.doubleValue == 2.5)
        #expect(value["f"]?.stringValue == "x")
        #expect(value["g"] == [1, "y", ["h": []]])
        #expect(value["i"] == [:])
        let again = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
        #expect(again == value)
        // Whole numbers go out without a fraction, as servers expect for sizes and times.
        #expect(String(decoding: try JSONEncoder().encode(JSONValue.number(42)), as: UTF8.self) == "42")
    }

    @Test func typedContentIsReadFromAnEvent() throws {
        let text = #"""
            {"type": "m.room.message", "sender": "@a:x", "event_id": "$1", "origin_server_ts": 5,
             "content": {"msgtype": "m.image", "body": "cat.png", "url": "mxc://x/abc",
                         "info": {"mimetype": "image/png", "size": 1234, "w": 10, "h": 20}}}
            """#
        let event = try JSONDecoder().decode(ClientEvent.self, from: Data(text.utf8))
        let message = try #require(event.message)
        #expect(message.msgtype == "m.image")
        #expect(message.url.flatMap(MediaURI.init)?.mediaID == "abc")
        #expect(message.info == MediaInfo(mimeType: "image/png", size: 1234, width: 10, height: 20))
        #expect(event.member == nil)
        #expect(event.originServerTimestamp == 5)
    }

    @Test func aMalformedInfoLeavesTheMessageReadable() throws {
        let text =
            #"{"type": "m.room.message", "content": {"msgtype": "m.file", "body": "a.txt", "info": {"size": "big"}}}"#
        let event = try JSONDecoder().decode(ClientEvent.self, from: Data(text.utf8))
        #expect(event.message?.body == "a.txt")
        #expect(event.message?.info == nil)
    }
}
