/// A key as the app core sees it, whatever produced it: the terminal, a scenario script or a test.
public enum Key: Hashable, Sendable {
    /// A printable grapheme, including space.
    case character(Character)
    case enter, tab, backTab, escape, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    /// F1 to F12.
    case function(Int)
    /// Ctrl with a letter, the letter in lower case.
    case control(Character)
    /// Alt (Meta) with a character, as terminals send it: ESC then the character.
    case alt(Character)
    /// Alt-Enter, which starts a new line in a message.
    case altEnter
    /// Alt-Home and Alt-End, which jump to the oldest and the newest message of the room.
    case altHome, altEnd
}

/// Input from the terminal: keys, mouse, pasted text, size changes.
public enum TerminalInput: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case paste(String)
    case resize(width: Int, height: Int)
    /// The terminal went away (its window closed, the connection dropped): the app quits.
    case hangup
}

/// What the mouse did, in cell coordinates.
public enum MouseEvent: Hashable, Sendable {
    case wheelUp(x: Int, y: Int)
    case wheelDown(x: Int, y: Int)
    case click(x: Int, y: Int)
}
