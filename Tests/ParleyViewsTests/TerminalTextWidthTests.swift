import ParleyViews
import Testing

/// Columns a grapheme takes, as the terminal draws it: the fast paths for ASCII and the scripts below U+1100
/// give what the Unicode look-up gives.
struct TerminalTextWidthTests {
    @Test(arguments: [
        ("a", 1), (" ", 1), ("~", 1), ("é", 1), ("e\u{301}", 1), ("©", 1), ("Ж", 1), ("ק", 1), ("中", 2), ("가", 2),
        ("😀", 2), ("⌚", 2), ("❤️", 2), ("#️⃣", 2), ("", 0),
    ])
    func widthOf(grapheme: String, columns: Int) {
        #expect(TerminalText.width(of: grapheme) == columns)
    }
}
