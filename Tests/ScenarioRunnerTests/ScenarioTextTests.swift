import ScenarioRunner
import Testing

struct ScenarioTextTests {
    static let escapes = #"the escapes are \n \t \\ \" \e \xHH and \u{H...}"#

    @Test(arguments: [
        (#""a\nb""#, "a\nb"), (#""\t""#, "\t"), (#""C:\\path""#, #"C:\path"#), (#""say \"hi\"""#, #"say "hi""#),
        (#""\e[A""#, "\u{1B}[A"), (#""\x41""#, "A"), (#""\xe9""#, "é"), (#""\xE9""#, "é"),
        (#""\x1b1""#, "\u{1B}1"), (#""\u{41}""#, "A"), (#""\u{1F600}""#, "😀"), (#""\u{0001F600}""#, "😀"),
        (#""e\u{301}""#, "e\u{301}"), (#""\u{1F469}\u{200D}\u{1F4BB}""#, "👩‍💻"), (#""\x00""#, "\u{0}"),
        (##""#not a comment""##, "#not a comment"), (#""  spaced  ""#, "  spaced  "),
        (#""tab\tand # hash" # comment"#, "tab\tand # hash"), (#""a"  "#, "a"),
    ])
    func aQuotedTextHasEscapes(written: String, text: String) throws {
        #expect(try ScenarioParsing.directive("type \(written)") == .type(text))
    }

    @Test(arguments: [
        ("C# rocks", "C# rocks"), ("hello # not a comment", "hello # not a comment"),
        ("/join #general", "/join #general"), ("#general rocks", "#general rocks"),
        ("a   b  ", "a   b"), (#"a\nb"#, #"a\nb"#), (#"say "hi""#, #"say "hi""#), ("x", "x"),
        ("emoji 👋 too", "emoji 👋 too"), ("50%#off", "50%#off"),
    ])
    func anUnquotedTextIsTheRestOfTheLine(written: String, text: String) throws {
        #expect(try ScenarioParsing.directive("send \(written)") == .send(text))
    }

    @Test(arguments: [
        (#"type "abc"#, #"unterminated string; a string that starts with " must end with ""#),
        (#"type "abc\"#, #"unterminated string; a string that starts with " must end with ""#),
        (#"type "abc\""#, #"unterminated string; a string that starts with " must end with ""#),
        (#"type "a" b"#, #"unexpected "b" after the closing quote; only a # comment may follow a quoted string"#),
        (
            #"type "a" "b""#,
            #"unexpected "\"b\"" after the closing quote; only a # comment may follow a quoted string"#
        ),
        (##"type "a"#b"##, ##"unexpected "#b" after the closing quote; only a # comment may follow a quoted string"##),
        (#"type "\q""#, #"unknown escape \q; \#(escapes)"#),
        (#"type "\r""#, #"unknown escape \r; \#(escapes)"#),
        (#"type "\ ""#, #"unknown escape \ ; \#(escapes)"#),
        (#"type "\x4""#, #"bad escape \x4; write \xHH with two hex digits, for example \x1b"#),
        (#"type "\xg1""#, #"bad escape \x; write \xHH with two hex digits, for example \x1b"#),
        (#"type "\u41""#, #"bad escape \u; \#(unicodeUsage)"#),
        (#"type "\u{}""#, #"bad escape \u{}; \#(unicodeUsage)"#),
        (#"type "\u{41""#, #"bad escape \u{41; \#(unicodeUsage)"#),
        (#"type "\u{D800}""#, #"bad escape \u{D800}; \#(unicodeUsage)"#),
        (#"type "\u{110000}""#, #"bad escape \u{110000}; \#(unicodeUsage)"#),
        (#"type "\u{000000041}""#, #"bad escape \u{000000041}; \#(unicodeUsage)"#),
        (#"type "\u{4G}""#, #"bad escape \u{4; \#(unicodeUsage)"#),
    ])
    func aBadStringIsRefusedNamingWhatIsWrong(line: String, reason: String) {
        #expect(
            ScenarioParsing.syntaxError(line)
                == ScenarioSyntaxError(file: ScenarioParsing.file, line: 1, reason: reason))
    }

    static let unicodeUsage = #"write \u{H...} with 1 to 8 hex digits naming a Unicode scalar, for example \u{1F600}"#
}
