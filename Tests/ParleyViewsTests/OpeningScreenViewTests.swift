import Foundation
import ParleyContracts
import ParleyCore
import ParleyViews
import Testing

/// The frame drawn before any service starts (issue 8's first frame): the kept user's last screen, else the
/// welcome screen.
struct OpeningScreenViewTests {
    static let utc = TimeZone(identifier: "UTC")!
    static let screen = OpeningScreen(
        user: "alice", server: "example.org", displayName: "Alice",
        rooms: [ChatScreenViewTests.general, ChatScreenViewTests.random], currentRoom: ChatScreenViewTests.general.id,
        messages: [
            ChatScreenViewTests.message("m1", from: "bob", "morning all", at: 1, sequence: 1),
            ChatScreenViewTests.message(
                "m2", from: "mallory", "\u{1B}[2J\u{1B}]0;pwned\u{07}clear?", at: 2, sequence: 2),
        ])

    @Test func theLastScreenIsDrawnWithItsRoomsAndNewestMessages() {
        let grid = ChatScreenView.beforeServices(width: 60, height: 8, opening: Self.screen, timeZone: Self.utc)
            .render()
        #expect(
            grid.lines
                == [
                    " Parley · #general · Alice (alice)             F12 services ",
                    "1 #general         │",
                    "2 #random (4)      │",
                    "                   │",
                    "                   │ 09:01 bob: morning all",
                    "                   │ 09:02 mallory: ␛[2J␛]0;pwned␇clear?",
                    "Enter send · /help commands · Alt-1..9 rooms · PgUp/PgDn scr",
                    ">",
                ].map { $0.padding(toLength: 60, withPad: " ", startingAt: 0) })
    }

    @Test func anotherUsersEscapeSequencesInTheKeptScreenAreShownNeverPassedOn() {
        let grid = ChatScreenView.beforeServices(width: 80, height: 12, opening: Self.screen, timeZone: Self.utc)
            .render()
        #expect(grid.text.contains("mallory: ␛[2J␛]0;pwned␇clear?"))
        let controls = grid.cells.flatMap(\.text.unicodeScalars).filter {
            $0.value < 0x20 || (0x7F...0x9F).contains($0.value)
        }
        #expect(controls.isEmpty)
    }

    @Test func withNoKeptScreenItIsTheWelcomeScreen() {
        let grid = ChatScreenView.beforeServices(width: 80, height: 12, timeZone: Self.utc).render()
        #expect(grid.text.contains("/register NAME PASSWORD [DISPLAY NAME]"))
        #expect(!grid.text.contains("#general"))
    }
}

/// The named zone (ICU's data) is taken only once there are messages whose clocks it reads.
struct LocalTimeZoneTests {
    @Test func aScreenWithoutMessagesUsesTheCLibrarysOffset() {
        let welcome = AppState(width: 80, height: 24, services: [])
        let zone = LocalTimeZone.forScreen(of: welcome)
        #expect(zone.secondsFromGMT() == TimeZone.current.secondsFromGMT())
        #expect(zone == LocalTimeZone.fromCLibrary())
    }

    @Test func clocksAreReadInTheZonesOffsetEvenAHalfHourOne() {
        let india = TimeZone(secondsFromGMT: 5 * 3600 + 1800)!
        let grid = ChatScreenView.beforeServices(
            width: 80, height: 12, opening: OpeningScreenViewTests.screen, timeZone: india
        ).render()
        #expect(grid.text.contains("14:31 bob: morning all"))
    }

    @Test func aScreenWithMessagesUsesTheNamedZone() {
        #expect(LocalTimeZone.forScreen(of: ChatScreenViewTests.chatting()) == .current)
    }
}
