import ParleyContracts

extension InputLine {
    /// Applies `key` if it is one of the line-editing keys shared by every input row (the message line and
    /// the Ctrl-R search prompt); returns whether it was.
    mutating func edit(with key: Key) -> Bool {
        switch key {
        case let .character(character): insert(String(character))
        case .backspace: backspace()
        case .delete: deleteForward()
        case .left: moveLeft()
        case .right: moveRight()
        case .home, .control("a"): moveHome()
        case .end, .control("e"): moveEnd()
        case .control("w"): deleteWordBackward()
        case .control("u"): replace(with: "")
        default: return false
        }
        return true
    }
}
