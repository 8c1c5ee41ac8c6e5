/// The arguments of `type`, `send`, `size`, `user` and `snapshot`.
extension ScenarioScript {
    // MARK: - TEXT

    /// A TEXT that is required: missing or empty, it would type nothing or match every screen.
    static func requiredText(_ text: String?, for directive: String) throws(ScenarioLineError) -> String {
        guard let text else {
            throw ScenarioLineError(
                reason: "\(directive) needs TEXT, the rest of the line or a double-quoted string")
        }
        guard !text.isEmpty else {
            throw ScenarioLineError(reason: "the text is empty; \(directive) needs at least one character")
        }
        return text
    }

    // MARK: - size WxH

    /// Below 20x5 no view can draw itself; above 1000x1000 is a typo, and its grid would cost memory for nothing.
    private static let widths = 20...1000
    private static let heights = 5...1000

    static func size(_ word: String?) throws(ScenarioLineError) -> Directive {
        guard let word else {
            throw ScenarioLineError(reason: "size needs WxH, for example size 100x30")
        }
        let parts = word.split(separator: "x", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy(\.isASCIIDigits) else {
            throw ScenarioLineError(
                reason: "\(ScenarioText.quoted(word)) is not a size; write WIDTHxHEIGHT, for example 100x30")
        }
        // Digits too many for an Int still make a size, one out of range.
        let width = Int(parts[0]) ?? .max
        let height = Int(parts[1]) ?? .max
        guard widths.contains(width), heights.contains(height) else {
            throw ScenarioLineError(
                reason: "\(word) is out of range; screens are at least "
                    + "\(widths.lowerBound)x\(heights.lowerBound) and at most \(widths.upperBound)x\(heights.upperBound)"
            )
        }
        return .size(width: width, height: height)
    }

    // MARK: - user NAME

    /// Parley's own rule for user names, so a script cannot name a user the app would refuse to register.
    static func userName(_ word: String?) throws(ScenarioLineError) -> String {
        guard let word else {
            throw ScenarioLineError(reason: "user needs a NAME, for example user alice")
        }
        // Checked before lower-casing, which would turn the Kelvin sign into a "k".
        guard (2...32).contains(word.unicodeScalars.count),
            word.unicodeScalars.allSatisfy({
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                    || $0 == "_" || $0 == "-"
            })
        else {
            throw ScenarioLineError(
                reason:
                    "\(ScenarioText.quoted(word)) is not a user name; names are 2 to 32 characters from a-z, 0-9, _ and -"
            )
        }
        return word.lowercased()
    }

    // MARK: - snapshot NAME

    /// NAME becomes NAME.txt in the output directory, so it may not hold a path separator, nor start with a dot,
    /// which would hide the file or, as `..`, climb out of the directory. ASCII keeps it portable.
    static func snapshotName(_ word: String?) throws(ScenarioLineError) -> String {
        guard let word else {
            throw ScenarioLineError(reason: "snapshot needs a NAME, for example snapshot after-login")
        }
        let isAllowed: (Unicode.Scalar) -> Bool = {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || $0 == "-" || $0 == "_" || $0 == "."
        }
        guard word.unicodeScalars.count <= 100, word.first != ".", word.unicodeScalars.allSatisfy(isAllowed) else {
            throw ScenarioLineError(
                reason: "\(ScenarioText.quoted(word)) is not a snapshot name; names are up to 100 letters, digits, "
                    + "-, _ and ., not starting with .")
        }
        return word
    }
}
