/// Double-quoted strings in scripts: reading them with their escapes, and writing values back that way in
/// messages.
///
/// The escapes are `\n \t \\ \" \e \xHH \u{H...}`, enough to type an escape character or an emoji from a plain
/// ASCII script. Each names a Unicode scalar, so `\xe9` is "é", not a byte of UTF-8.
enum ScenarioText {
    private static let escapes = #"the escapes are \n \t \\ \" \e \xHH and \u{H...}"#

    /// Reads the string that starts with the `"` at `position`, leaving `position` just after its closing quote.
    static func unquote(_ scalars: [Unicode.Scalar], at position: inout Int) throws(ScenarioLineError) -> String {
        var value = String.UnicodeScalarView()
        var index = position + 1
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case "\"":
                position = index
                return String(value)
            case "\\" where index < scalars.count:
                value.append(try escape(scalars, at: &index))
            default:
                value.append(scalar)
            }
        }
        throw ScenarioLineError(reason: #"unterminated string; a string that starts with " must end with ""#)
    }

    /// How a value is shown in a message: in double quotes, escaped as a script would write it, so that a
    /// control character shows rather than acting on the terminal.
    static func quoted(_ value: String) -> String {
        "\"" + value.unicodeScalars.map(escaped).joined() + "\""
    }

    /// One scalar as a script would write it inside quotes.
    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\"": #"\""#
        case "\\": #"\\"#
        case "\n": #"\n"#
        case "\t": #"\t"#
        case "\u{1B}": #"\e"#
        case _ where scalar.properties.generalCategory == .control:
            #"\u{"# + String(scalar.value, radix: 16, uppercase: true) + "}"
        default: String(scalar)
        }
    }

    // MARK: - Escapes

    /// Reads the escape whose letter is at `index`, just after the backslash.
    private static func escape(_ scalars: [Unicode.Scalar], at index: inout Int) throws(ScenarioLineError)
        -> Unicode.Scalar
    {
        let letter = scalars[index]
        index += 1
        switch letter {
        case "n": return "\n"
        case "t": return "\t"
        case "\\": return "\\"
        case "\"": return "\""
        case "e": return "\u{1B}"
        case "x": return try hexEscape(scalars, at: &index)
        case "u": return try unicodeEscape(scalars, at: &index)
        default:
            throw ScenarioLineError(reason: #"unknown escape \"# + escaped(letter) + "; \(escapes)")
        }
    }

    /// `\xHH`: exactly two hex digits, so that `\x1b1` is an escape character followed by "1".
    private static func hexEscape(_ scalars: [Unicode.Scalar], at index: inout Int) throws(ScenarioLineError)
        -> Unicode.Scalar
    {
        let digits = hexDigits(scalars, at: &index, upTo: 2)
        guard digits.count == 2, let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value) else {
            throw ScenarioLineError(
                reason: #"bad escape \x"# + digits + #"; write \xHH with two hex digits, for example \x1b"#)
        }
        return scalar
    }

    /// `\u{H...}`: one to eight hex digits in braces, as in Swift, naming a Unicode scalar.
    private static func unicodeEscape(_ scalars: [Unicode.Scalar], at index: inout Int) throws(ScenarioLineError)
        -> Unicode.Scalar
    {
        var written = #"\u"#
        var scalar: Unicode.Scalar?
        if index < scalars.count, scalars[index] == "{" {
            index += 1
            let digits = hexDigits(scalars, at: &index, upTo: 9)
            written += "{" + digits
            if index < scalars.count, scalars[index] == "}" {
                index += 1
                written += "}"
                if (1...8).contains(digits.count), let value = UInt32(digits, radix: 16) {
                    scalar = Unicode.Scalar(value)
                }
            }
        }
        guard let scalar else {
            throw ScenarioLineError(
                reason: "bad escape \(written); write \\u{H...} with 1 to 8 hex digits naming a Unicode scalar, "
                    + "for example \\u{1F600}")
        }
        return scalar
    }

    private static func hexDigits(_ scalars: [Unicode.Scalar], at index: inout Int, upTo limit: Int) -> String {
        var digits = ""
        while digits.count < limit, index < scalars.count, scalars[index].properties.isASCIIHexDigit {
            digits.unicodeScalars.append(scalars[index])
            index += 1
        }
        return digits
    }
}
