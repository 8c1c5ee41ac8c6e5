extension StringProtocol {
    /// Whether this is one or more of the ASCII digits 0 to 9 and nothing else: no sign, no space, and none of
    /// the other scripts' digits that `Character.isNumber` would let through.
    var isASCIIDigits: Bool {
        !isEmpty && unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
    }
}
