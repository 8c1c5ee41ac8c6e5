/// Which parts of the input line are shown as `•`: the password of `/register` and `/login`, so that it
/// never appears on screen (or in a screenshot) while it is typed.
public enum InputMask {
    /// The text as the screen shows it: same length, passwords replaced grapheme for grapheme.
    public static func displayed(_ text: String) -> String {
        guard masks(text) else { return text }
        // The password is the third word: `/login NAME PASSWORD`, `/register NAME PASSWORD [DISPLAY NAME]`.
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
                result.append(word == 2 ? "•" : character)
            }
        }
        return result
    }

    /// Whether `text` has a password to mask. Looks at the first word only, so that a long line costs nothing.
    public static func masks(_ text: String) -> Bool {
        let lowered = text.prefix(10).lowercased()
        return lowered.hasPrefix("/register ") || lowered.hasPrefix("/login ")
    }
}
