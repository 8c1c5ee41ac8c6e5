import ParleyCore
import Testing

/// What counts as naming the user: their name, display name or `@name`, as a word of its own, in any case.
struct MentionMatcherTests {
    let names = MentionMatcher(user: "ann", displayName: "Ann Lee")

    @Test(arguments: [
        "ann: are you there?", "hi Ann!", "@ann can you look", "ping @ann:localhost please", "ANN", "thanks, ann.",
        "Ann Lee said so",
    ])
    func aMessageThatNamesTheUserMatches(_ text: String) {
        #expect(names.matches(text))
    }

    @Test(arguments: ["annual report", "joann", "banner", "plan b", "", "@annie"])
    func aNameInsideAnotherWordDoesNot(_ text: String) {
        #expect(!names.matches(text))
    }

    @Test func rangesCoverTheAtSignAndTheWholeDisplayName() {
        let text = "@ann and Ann Lee"
        let found = names.ranges(in: text).map { String(text[$0]) }
        #expect(found == ["@ann", "Ann Lee"])
    }

    @Test func anEmptyDisplayNameIsNoName() {
        let matcher = MentionMatcher(user: "bob", displayName: " ")
        #expect(matcher.matches("hey bob"))
        #expect(!matcher.matches("hey "))
    }
}
