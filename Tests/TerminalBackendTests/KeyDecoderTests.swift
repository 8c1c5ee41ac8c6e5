import ParleyContracts
import Testing

@testable import TerminalBackend

struct KeyDecoderTests {
    /// Bytes as a terminal sends them, with `^[` for ESC to keep the table readable.
    static func bytes(_ text: String) -> [UInt8] { Array(text.replacingOccurrences(of: "^[", with: "\u{1B}").utf8) }

    static let cases: [(String, [TerminalInput])] = [
        ("a", [.key(.character("a"))]),
        ("😀é", [.key(.character("😀")), .key(.character("é"))]),
        ("\r", [.key(.enter)]),
        ("\t", [.key(.tab)]),
        ("\u{7F}", [.key(.backspace)]),
        ("\u{0E}\u{10}\u{12}", [.key(.control("n")), .key(.control("p")), .key(.control("r"))]),
        ("^[[A^[OB^[[C^[OD", [.key(.up), .key(.down), .key(.right), .key(.left)]),
        ("^[[5~^[[6~", [.key(.pageUp), .key(.pageDown)]),
        ("^[[H^[[F^[[1~^[[4~^[OH^[OF", [.key(.home), .key(.end), .key(.home), .key(.end), .key(.home), .key(.end)]),
        ("^[[1;3H^[[1;3F^[^[[1~", [.key(.altHome), .key(.altEnd), .key(.altHome)]),
        ("^[[3~^[[Z", [.key(.delete), .key(.backTab)]),
        ("^[OP^[[15~^[[24~", [.key(.function(1)), .key(.function(5)), .key(.function(12))]),
        ("^[1^[\r", [.key(.alt("1")), .key(.altEnter)]),
        ("^[[<64;10;5M^[[<65;1;1M", [.mouse(.wheelUp(x: 9, y: 4)), .mouse(.wheelDown(x: 0, y: 0))]),
        ("^[[<0;3;4M^[[<0;3;4m", [.mouse(.click(x: 2, y: 3))]),
        ("^[[M !!", [.mouse(.click(x: 0, y: 0))]),
        ("^[[99~x", [.key(.character("x"))]),
    ]

    @Test(arguments: cases)
    func decodes(_ sent: String, _ expected: [TerminalInput]) {
        var decoder = KeyDecoder()
        #expect(decoder.feed(Self.bytes(sent)) == expected)
        #expect(!decoder.isHolding)
    }

    @Test func aLoneEscapeIsAnEscapeOnceNothingFollows() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([27]) == [])
        #expect(decoder.isHolding)
        #expect(decoder.flush() == [.key(.escape)])
        #expect(decoder.flush() == [])
    }

    @Test func aSequenceSplitAcrossReadsIsOneKey() {
        var decoder = KeyDecoder()
        let sequence = Self.bytes("^[[1;3H")
        var keys: [TerminalInput] = []
        for byte in sequence { keys += decoder.feed([byte]) }
        #expect(keys == [.key(.altHome)])
    }

    @Test func invalidUTF8BecomesAReplacementCharacterAndTheRestIsKept() {
        var decoder = KeyDecoder()
        let keys = decoder.feed(Array("v1".utf8) + [0xFF] + Array("xyz".utf8) + [0xC3, 0x28])
        let typed = keys.map { input -> String in
            guard case let .key(.character(character)) = input else { return "?" }
            return String(character)
        }
        #expect(typed.joined() == "v1\u{FFFD}xyz\u{FFFD}(")
    }

    @Test func aCharacterCutByTheReadWaitsForItsRest() {
        var decoder = KeyDecoder()
        let euro = Array("€".utf8)
        #expect(decoder.feed(euro.prefix(2)) == [])
        #expect(decoder.feed(euro.suffix(1)) == [.key(.character("€"))])
        #expect(decoder.feed(euro.prefix(1)) == [])
        #expect(decoder.flush() == [.key(.character("\u{FFFD}"))])
    }

    @Test func aBracketedPasteIsOneInputWithItsLinesNeverEnterKeys() {
        var decoder = KeyDecoder()
        let inputs = decoder.feed(
            Self.bytes("a^[[200~first\r\nsecond\rthird^[[A") + [0xFF] + Self.bytes("^[[201~b"))
        #expect(
            inputs == [
                .key(.character("a")), .paste("first\nsecond\nthird\u{1B}[A\u{FFFD}"), .key(.character("b")),
            ])
    }

    @Test func aPasteSpreadOverManyReadsArrivesWhole() {
        var decoder = KeyDecoder()
        let text = String(repeating: "line of pasted text\n", count: 5_000)
        let sent = Self.bytes("^[[200~" + text + "^[[201~")
        var inputs: [TerminalInput] = []
        // Reads cut anywhere, the end marker included.
        var start = 0
        while start < sent.count {
            let end = min(sent.count, start + 4_093)
            inputs += decoder.feed(sent[start..<end])
            #expect(decoder.flush() == [])  // a pause in a paste ends nothing
            start = end
        }
        #expect(inputs == [.paste(text)])
        #expect(!decoder.isPasting)
    }

    @Test func controlsWithoutMeaningAndUnknownSequencesAreIgnoredNotTyped() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0, 28, 31]) == [])
        #expect(decoder.feed(Self.bytes("^[[9999X^[O~")) == [])
    }
}
