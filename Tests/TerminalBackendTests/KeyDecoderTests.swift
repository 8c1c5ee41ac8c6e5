import ParleyContracts
import Testing

@testable import TerminalBackend

struct KeyDecoderTests {
    static let codes = KeyCodes(
        up: 259, down: 258, left: 260, right: 261, home: 262, end: 360, pageUp: 339, pageDown: 338, backspace: 263,
        delete: 330, backTab: 353, enter: 343, f1: 265)

    static let cases: [([RawInput], [Key])] = [
        ([.character(97)], [.character("a")]),
        ([.character(0x1F600)], [.character("😀")]),
        ([.character(13)], [.enter]),
        ([.character(9)], [.tab]),
        ([.character(127)], [.backspace]),
        ([.character(14)], [.control("n")]),
        ([.character(16)], [.control("p")]),
        ([.character(18)], [.control("r")]),
        ([.keyCode(259)], [.up]),
        ([.keyCode(339)], [.pageUp]),
        ([.keyCode(265 + 11)], [.function(12)]),
        ([.keyCode(265)], [.function(1)]),
        ([.character(27), .character(49)], [.alt("1")]),
        ([.character(27), .character(13)], [.altEnter]),
        ([.character(27), .keyCode(259)], [.escape, .up]),
        ([.character(27), .character(27)], [.escape]),
    ]

    @Test(arguments: cases)
    func decodes(_ inputs: [RawInput], _ expected: [Key]) {
        var decoder = KeyDecoder(codes: Self.codes)
        let keys = inputs.flatMap { decoder.feed($0) }
        #expect(keys == expected)
    }

    @Test func aLoneEscapeIsAnEscapeOnceNothingFollows() {
        var decoder = KeyDecoder(codes: Self.codes)
        #expect(decoder.feed(.character(27)) == [])
        #expect(decoder.flush() == [.escape])
        #expect(decoder.flush() == [])
    }

    @Test func unknownCodesAreIgnoredNotTyped() {
        var decoder = KeyDecoder(codes: Self.codes)
        #expect(decoder.feed(.keyCode(9999)) == [])
        #expect(decoder.feed(.character(0)) == [])
    }
}
