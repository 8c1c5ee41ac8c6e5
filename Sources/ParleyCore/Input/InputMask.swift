/// Which parts of the input line are shown as `•`: the password of `/register` and `/login` (the argument
/// `CommandTable` marks), so that it never appears on screen (or in a screenshot) while it is typed.
public enum InputMask {
    /// The text as the screen shows it: same length, passwords replaced grapheme for grapheme.
    public static func displayed(_ text: String) -> String {
        guard text.hasPrefix("/"), let name = text.split(separator: " ", maxSplits: 1).first, name.count < text.count,
            let masked = CommandTable.spec(named: name)?.maskedArgument
        else { return text }
        // Word 0 is the command, so the password is word `masked + 1`: `/login NAME PASSWORD`.
        var result = ""
        var word = 0
        var inSpace = false
        for character in text {
            if character == " " {
                if !inSpace { word += 1 }
                inSpace = true
                result.append(character)
            } else {
                inSpace = false
                result.append(word == masked + 1 ? "•" : character)
            }
        }
        return result
    }
}
