import Foundation
import ParleyContracts
import ParleyCore
import Testing

/// The timeline as a window on the room's history: paged in from the store as the user scrolls, jumped to
/// either end with Alt-Home and Alt-End, and kept small while the newest messages are read.
struct HistoryPagingTests {
    static let general = ChatFlowTests.general

    static func messages(_ range: ClosedRange<Int>) -> [ChatMessage] {
        range.map { ChatFlowTests.message("m\($0)", "message \($0)", Int64($0)) }
    }

    static func page(_ range: ClosedRange<Int>, hasOlder: Bool, hasNewer: Bool) -> HistoryPage {
        HistoryPage(room: general.id, messages: messages(range), hasOlder: hasOlder, hasNewer: hasNewer)
    }

    static func reply(_ cursor: HistoryCursor, _ page: HistoryPage) -> AppMsg {
        .messagingReplied(
            .history(token: "tok", room: general.id, from: cursor, limit: 100), .success(.history(page)))
    }

    /// Signed in, in #general, its newest 100 of 2,000 messages loaded.
    static func reading() -> AppState {
        var state = ChatFlowTests.signedIn()
        state.chat.timelines[general.id] = nil
        _ = update(&state, reply(.newest, page(1901...2000, hasOlder: true, hasNewer: false)))
        return state
    }

    static func texts(_ state: AppState) -> [String] { state.chat.timelines[general.id]?.map(\.text) ?? [] }

    @Test func pgUpNearTheOldestLoadedMessageAsksForTheOlderPageOnce() {
        var state = Self.reading()
        var asked: [AppEffect] = []
        for _ in 0..<6 { asked += update(&state, .input(.key(.pageUp))) }
        #expect(
            asked == [
                .messaging(.history(token: "tok", room: Self.general.id, from: .before(MessageID("m1901")), limit: 100))
            ])
        let scrolled = state.chat.scrollBack
        _ = update(
            &state, Self.reply(.before(MessageID("m1901")), Self.page(1801...1900, hasOlder: true, hasNewer: true)))
        #expect(Self.texts(state).first == "message 1801")
        #expect(Self.texts(state).count == 200)
        // Counted from the newest line, the position stays where it was: nothing on screen moves.
        #expect(state.chat.scrollBack == scrolled)
    }

    @Test func pagingStopsAtTheRoomsFirstMessage() {
        var state = Self.reading()
        _ = update(
            &state, Self.reply(.before(MessageID("m1901")), Self.page(1...1900, hasOlder: false, hasNewer: true)))
        var asked: [AppEffect] = []
        for _ in 0..<100 { asked += update(&state, .input(.key(.pageUp))) }
        #expect(asked.isEmpty)
        #expect(Self.texts(state).first == "message 1")
    }

    @Test func backAtTheNewestTheWindowShrinksAgain() {
        var state = Self.reading()
        state.chat.scrollBack = 200
        _ = update(
            &state, Self.reply(.before(MessageID("m1901")), Self.page(801...1900, hasOlder: true, hasNewer: true)))
        #expect(Self.texts(state).count == 1_200)
        for _ in 0..<20 { _ = update(&state, .input(.key(.pageDown))) }
        #expect(state.chat.scrollBack == 0)
        #expect(Self.texts(state).count == ChatState.timelineLimit)
        #expect(Self.texts(state).first == "message 1001")
    }

    @Test func altHomeJumpsToTheRoomsFirstMessageAndAltEndBack() {
        var state = Self.reading()
        #expect(
            update(&state, .input(.key(.altHome)))
                == [.messaging(.history(token: "tok", room: Self.general.id, from: .oldest, limit: 100))])
        _ = update(&state, Self.reply(.oldest, Self.page(1...100, hasOlder: false, hasNewer: true)))
        #expect(state.chat.scrollFromTop == 0)
        #expect(Self.texts(state).first == "message 1")
        #expect(Self.texts(state).count == 100)

        // A message posted meanwhile is not in this window: paging down brings it in its turn.
        _ = update(&state, .messagingEvent(.messagePosted(ChatFlowTests.message("m2001", "new", 2001))))
        #expect(Self.texts(state).last == "message 100")
        var asked: [AppEffect] = []
        for _ in 0..<6 { asked += update(&state, .input(.key(.pageDown))) }
        #expect(
            asked == [
                .messaging(.history(token: "tok", room: Self.general.id, from: .after(MessageID("m100")), limit: 100))
            ])
        _ = update(&state, Self.reply(.after(MessageID("m100")), Self.page(101...200, hasOlder: true, hasNewer: true)))
        #expect(Self.texts(state).last == "message 200")

        #expect(
            update(&state, .input(.key(.altEnd)))
                == [.messaging(.history(token: "tok", room: Self.general.id, from: .newest, limit: 100))])
        _ = update(&state, Self.reply(.newest, Self.page(1902...2001, hasOlder: true, hasNewer: false)))
        #expect(state.chat.scrollFromTop == nil)
        #expect(state.chat.scrollBack == 0)
        #expect(Self.texts(state).first == "message 1902")
        #expect(Self.texts(state).last == "message 2001")
    }

    @Test func aFailedPageIsAskedForAgainByTheNextScroll() {
        var state = Self.reading()
        var asked: [AppEffect] = []
        for _ in 0..<6 { asked += update(&state, .input(.key(.pageUp))) }
        #expect(asked.count == 1)
        _ = update(
            &state,
            .messagingReplied(
                .history(token: "tok", room: Self.general.id, from: .before(MessageID("m1901")), limit: 100),
                .failure(.unavailable(service: "messaging"))))
        #expect(update(&state, .input(.key(.pageUp))).count == 1)
    }

    @Test func searchResultsScrollAndAskForMoreNearTheirEnd() {
        var state = ChatFlowTests.signedIn()
        let first = MessagingRequest.search(token: "tok", text: "tea", room: nil, limit: 20)
        _ = ChatFlowTests.type("/search tea", into: &state)
        // Newest first, as the service sends them.
        let found = (11...30).reversed().map { ChatFlowTests.message("t\($0)", "tea \($0)", Int64($0)) }
        _ = update(&state, .messagingReplied(first, .success(.found(found))))
        #expect(state.chat.overlay?.title == "the newest 20 found for “tea” (PgUp/PgDn scroll, Esc closes)")
        let more = MessagingRequest.search(token: "tok", text: "tea", room: nil, limit: 100, before: MessageID("t11"))
        #expect(update(&state, .input(.key(.pageDown))) == [.messaging(more)])
        #expect(state.chat.overlay?.scroll == 15)
        let rest = (1...10).reversed().map { ChatFlowTests.message("t\($0)", "tea \($0)", Int64($0)) }
        _ = update(&state, .messagingReplied(more, .success(.found(rest))))
        #expect(state.chat.overlay?.lines.count == 30)
        #expect(state.chat.overlay?.lines.last == "#general  bob: tea 1")
        #expect(state.chat.overlay?.scroll == 15)
        #expect(state.chat.overlay?.title == "30 found for “tea” (PgUp/PgDn scroll, Esc closes)")
        // All there: no more to ask for.
        #expect(update(&state, .input(.key(.pageDown))) == [])
        #expect(state.chat.overlay?.scroll == 29)
        _ = update(&state, .input(.key(.pageUp)))
        #expect(state.chat.overlay?.scroll == 14)
    }

    /// Past any one page's limit: each page asks for the matches older than the last shown, to the last one.
    @Test func searchResultsPageToTheLastMatch() {
        var state = ChatFlowTests.signedIn()
        let matches = (1...1_234).reversed().map { ChatFlowTests.message("t\($0)", "tea \($0)", Int64($0)) }
        var request = MessagingRequest.search(token: "tok", text: "tea", room: nil, limit: 20)
        #expect(ChatFlowTests.type("/search tea", into: &state) == [.messaging(request)])
        var served = 0
        var pages = 0
        while true {
            guard case let .search(_, _, _, limit, before) = request else { break }
            #expect(before == (served == 0 ? nil : matches[served - 1].id))
            let page = Array(matches[served..<min(matches.count, served + limit)])
            served += page.count
            pages += 1
            _ = update(&state, .messagingReplied(request, .success(.found(page))))
            var asked: [AppEffect] = []
            while asked.isEmpty, state.chat.overlay?.scroll != (state.chat.overlay?.lines.count ?? 0) - 1 {
                asked = update(&state, .input(.key(.pageDown)))
            }
            guard case let .messaging(next)? = asked.first else { break }
            request = next
        }
        #expect(served == matches.count)
        #expect(pages == 14)
        #expect(state.chat.overlay?.lines.count == 1_234)
        #expect(state.chat.overlay?.lines.last == "#general  bob: tea 1")
        #expect(state.chat.overlay?.title == "1234 found for “tea” (PgUp/PgDn scroll, Esc closes)")
    }

    @Test func aPageForResultsClosedMeanwhileIsDropped() {
        var state = ChatFlowTests.signedIn()
        let first = MessagingRequest.search(token: "tok", text: "tea", room: nil, limit: 20)
        _ = ChatFlowTests.type("/search tea", into: &state)
        let found = (11...30).reversed().map { ChatFlowTests.message("t\($0)", "tea \($0)", Int64($0)) }
        _ = update(&state, .messagingReplied(first, .success(.found(found))))
        guard case let .messaging(more)? = update(&state, .input(.key(.pageDown))).first else {
            Issue.record("no further page was asked for")
            return
        }
        _ = update(&state, .input(.key(.escape)))
        _ = update(&state, .messagingReplied(more, .success(.found([ChatFlowTests.message("t1", "tea 1", 1)]))))
        #expect(state.chat.overlay == nil)
    }
}
