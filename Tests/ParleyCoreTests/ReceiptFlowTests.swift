import Foundation
import ParleyContracts
import ParleyCore
import Testing

/// Read receipts in the core: they come with history and live, only move forward, go out with the read marker
/// unless the setting is off, and `/who` tells what each member has read.
struct ReceiptFlowTests {
    static let room = ChatFlowTests.general.id

    static func receipt(_ user: String, _ id: String, _ sequence: Int64) -> ReadReceipt {
        ReadReceipt(user: user, message: MessageID(id), sequence: sequence)
    }

    @Test func receiptsComeWithHistoryAndLiveAndNeverMoveBack() {
        var state = ChatFlowTests.signedIn()
        let page = HistoryPage(
            room: Self.room, messages: [ChatFlowTests.message("m1", from: "alice", "hi", 1)], hasOlder: false,
            hasNewer: false, receipts: [Self.receipt("bob", "m1", 1), Self.receipt("alice", "m1", 1)])
        _ = update(&state, .messagingReplied(.history(token: "tok", room: Self.room), .success(.history(page))))
        #expect(state.chat.othersReceipts(in: Self.room) == ["bob": Self.receipt("bob", "m1", 1)])
        _ = update(&state, .messagingEvent(.receiptMoved(room: Self.room, receipt: Self.receipt("bob", "m5", 5))))
        _ = update(&state, .messagingEvent(.receiptMoved(room: Self.room, receipt: Self.receipt("bob", "m3", 3))))
        #expect(state.chat.othersReceipts(in: Self.room)["bob"] == Self.receipt("bob", "m5", 5))
    }

    @Test func theReceiptGoesWithTheReadMarkerUnlessTurnedOff() {
        for sends in [true, false] {
            var state = ChatFlowTests.signedIn()
            state.sendsReceipts = sends
            _ = update(&state, .input(.key(.alt("2"))))
            _ = update(&state, .input(.key(.alt("1"))))
            let effects = update(&state, .messagingEvent(.messagePosted(ChatFlowTests.message("m3", "here", 3))))
            #expect(
                effects == [
                    .messaging(
                        .markRead(token: "tok", room: Self.room, upTo: MessageID("m3"), sendsReceipt: sends))
                ])
        }
    }

    @Test func whoTellsWhatEachMemberHasRead() {
        var state = ChatFlowTests.signedIn()
        let long = "a message long enough to be cut short in the list"
        _ = update(&state, .messagingEvent(.messagePosted(ChatFlowTests.message("m2", from: "alice", long, 2))))
        _ = update(&state, .messagingEvent(.receiptMoved(room: Self.room, receipt: Self.receipt("bob", "m1", 1))))
        _ = update(&state, .messagingEvent(.receiptMoved(room: Self.room, receipt: Self.receipt("alice", "m2", 2))))
        #expect(ChatFlowTests.type("/who", into: &state) == [.messaging(.listMembers(token: "tok", room: Self.room))])
        let presence: [String: Presence] = ["alice": .online, "bob": .offline, "carol": .online]
        _ = update(&state, .accountReplied(.presence(of: ["alice", "bob", "carol"]), .success(.presence(presence))))
        #expect(
            state.notice
                == "members: alice (online, read “a message long enough to…”), bob (offline, read “hi”),"
                + " carol (online, read nothing yet)")
    }

    @Test func whoCountsAMembersOwnNewerMessageAsRead() {
        var state = ChatFlowTests.signedIn()
        _ = update(&state, .messagingEvent(.receiptMoved(room: Self.room, receipt: Self.receipt("bob", "m1", 1))))
        _ = update(&state, .messagingEvent(.messagePosted(ChatFlowTests.message("m2", "my own words", 2))))
        _ = ChatFlowTests.type("/who", into: &state)
        _ = update(&state, .accountReplied(.presence(of: ["bob"]), .success(.presence(["bob": .online]))))
        #expect(state.notice == "members: bob (online, read “my own words”)")
    }
}

/// `✓✓` needs the room's member count as the service has it now.
struct ReceiptMemberCountTests {
    @Test func aJoinOrAFirstReceiptFromSomeoneAsksForTheRoomsAgain() {
        var state = ChatFlowTests.signedIn()
        let room = ChatFlowTests.general.id
        let listing: [AppEffect] = [.messaging(.listRooms(token: "tok"))]
        #expect(update(&state, .messagingEvent(.memberJoined(room: room, user: "carol"))) == listing)
        #expect(update(&state, .messagingEvent(.memberLeft(room: room, user: "carol"))) == listing)
        let first = ReceiptFlowTests.receipt("dave", "m1", 1)
        #expect(update(&state, .messagingEvent(.receiptMoved(room: room, receipt: first))) == listing)
        let further = ReceiptFlowTests.receipt("dave", "m2", 2)
        #expect(update(&state, .messagingEvent(.receiptMoved(room: room, receipt: further))) == [])
        let mine = ReceiptFlowTests.receipt("alice", "m2", 2)
        #expect(update(&state, .messagingEvent(.receiptMoved(room: room, receipt: mine))) == [])
    }
}
