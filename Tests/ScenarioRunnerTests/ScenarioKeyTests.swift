import ParleyContracts
import ScenarioRunner
import Testing

struct ScenarioKeyTests {
    static let keys =
        "keys are Enter, Tab, Esc, Space, Up, Down, Left, Right, PgUp, PgDn, Home, End, Backspace, Delete, "
        + "F1 to F12, Ctrl-A to Ctrl-Z, Alt-1 to Alt-9, Alt-Enter, Alt-Home, Alt-End, Shift-Tab, or one character"

    static let writtenKeys: [(String, Key)] = [
        ("Enter", Key.enter), ("enter", .enter), ("ENTER", .enter), ("Tab", .tab), ("Esc", .escape),
        ("Space", .character(" ")), ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right),
        ("PgUp", .pageUp), ("pgdn", .pageDown), ("Home", .home), ("End", .end), ("Backspace", .backspace),
        ("Delete", .delete), ("F1", .function(1)), ("f9", .function(9)), ("F10", .function(10)),
        ("F12", .function(12)), ("Ctrl-A", .control("a")), ("ctrl-r", .control("r")), ("CTRL-Z", .control("z")),
        ("Ctrl-n", .control("n")), ("Alt-1", .alt("1")), ("alt-9", .alt("9")), ("Alt-Enter", .altEnter),
        ("shift-tab", .backTab), ("Alt-Home", .altHome), ("alt-end", .altEnd),
        ("x", .character("x")), ("X", .character("X")), ("f", .character("f")), ("/", .character("/")),
        ("1", .character("1")), ("é", .character("é")), ("e\u{301}", .character("e\u{301}")),
        ("👋", .character("👋")), ("👩‍💻", .character("👩‍💻")),
        (##""#""##, .character("#")), (#"" ""#, .character(" ")), (#""\"""#, .character("\"")),
        (#""\\""#, .character("\\")), (#""\u{1F600}""#, .character("😀")),
    ]

    @Test(arguments: writtenKeys)
    func aKeyIsANameOrOneCharacter(written: String, key: Key) throws {
        #expect(try ScenarioParsing.directive("press \(written)") == .press(key))
    }

    @Test func aCommentMayFollowTheKey() throws {
        #expect(try ScenarioParsing.directive("press Ctrl-R  # search history") == .press(.control("r")))
        #expect(try ScenarioParsing.directive(##"press "#"  # a hash"##) == .press(.character("#")))
    }

    @Test(arguments: [
        ("Ctrl-1", #""Ctrl-1" is not a key; \#(keys)"#),
        ("Ctrl-", #""Ctrl-" is not a key; \#(keys)"#),
        ("Ctrl-AB", #""Ctrl-AB" is not a key; \#(keys)"#),
        ("Ctrl-é", #""Ctrl-é" is not a key; \#(keys)"#),
        ("Ctrl-\u{212A}", "\"Ctrl-\u{212A}\" is not a key; \(keys)"),
        ("Alt-0", #""Alt-0" is not a key; \#(keys)"#),
        ("Alt-a", #""Alt-a" is not a key; \#(keys)"#),
        ("F0", #""F0" is not a key; \#(keys)"#),
        ("F13", #""F13" is not a key; \#(keys)"#),
        ("F01", #""F01" is not a key; \#(keys)"#),
        ("F+1", #""F+1" is not a key; \#(keys)"#),
        ("Escape", #""Escape" is not a key; \#(keys)"#),
        ("Shift-Enter", #""Shift-Enter" is not a key; \#(keys)"#),
        ("xy", #""xy" is not a key; \#(keys)"#),
        (
            #""Enter""#,
            ##""Enter" is not one character; a quoted KEY is one character, as in "#", and key names such as Enter are written without quotes"##
        ),
        (
            #""""#,
            ##""" is not one character; a quoted KEY is one character, as in "#", and key names such as Enter are written without quotes"##
        ),
        (#""\e""#, #""\e" is a control character; press it by name, such as Esc, Enter, Tab or Ctrl-A"#),
        (#""\n""#, #""\n" is a control character; press it by name, such as Esc, Enter, Tab or Ctrl-A"#),
        (#""\x7f""#, #""\u{7F}" is a control character; press it by name, such as Esc, Enter, Tab or Ctrl-A"#),
        (#""a"b"#, #"unexpected "b" after the closing quote; only a # comment may follow a quoted string"#),
        (#""a" b"#, #"unexpected "b" after the closing quote; only a # comment may follow a quoted string"#),
    ])
    func anythingElseIsRefusedWithTheKeysThatAre(written: String, reason: String) {
        #expect(
            ScenarioParsing.syntaxError("press \(written)")
                == ScenarioSyntaxError(file: ScenarioParsing.file, line: 1, reason: reason))
    }
}
