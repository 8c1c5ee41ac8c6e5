import ParleyApp
import ParleyContracts

extension ScenarioScript {
    private static let directives =
        "the directives are size, user, type, press, send, expect, timeout, wait, snapshot, server"

    /// Parses `text`, the whole script; `file` names it in errors.
    ///
    /// The first line that cannot be run as written stops the parse, so a script with a mistake fails before
    /// any of it runs.
    public static func parse(_ text: String, file: String) throws(ScenarioSyntaxError) -> ScenarioScript {
        var steps: [Step] = []
        // Splitting scalars rather than characters, since "\r\n" is one character and would not match "\n".
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, scalars) in lines.enumerated() {
            let number = index + 1
            let source = trimmed(scalars, isFirst: index == 0)
            var line = ScenarioLine(source)
            guard !line.isAtEnd else { continue }
            do throws(ScenarioLineError) {
                steps.append(Step(line: number, directive: try directive(in: &line), source: source))
            } catch {
                throw ScenarioSyntaxError(file: file, line: number, reason: error.reason)
            }
        }
        return ScenarioScript(file: file, steps: steps)
    }

    /// The line with surrounding whitespace removed, which takes the "\r" of Windows line endings with it, and on
    /// the first line the byte order mark some Windows editors write.
    private static func trimmed(_ scalars: Substring.UnicodeScalarView.SubSequence, isFirst: Bool) -> String {
        var view = Substring.UnicodeScalarView(scalars)
        if isFirst, view.first == "\u{FEFF}" {
            view.removeFirst()
        }
        while let first = view.first, ScenarioLine.isWhitespace(first) {
            view.removeFirst()
        }
        while let last = view.last, ScenarioLine.isWhitespace(last) {
            view.removeLast()
        }
        return String(view)
    }

    // MARK: - Directives

    private static func directive(in line: inout ScenarioLine) throws(ScenarioLineError) -> Directive {
        // `isAtEnd` was false, so there is a word.
        let name = line.word() ?? ""
        let directive: Directive
        switch name {
        case "size":
            directive = try size(line.word())
            try line.finish("size takes one WxH")
        case "user":
            directive = .user(try userName(line.word()))
            try line.finish("user takes one NAME")
        case "type":
            directive = .type(try requiredText(line.text(), for: "type"))
        case "send":
            directive = .send(try requiredText(line.text(), for: "send"))
        case "press":
            directive = .press(try key(line.keyArgument()))
            try line.finish("press takes one KEY")
        case "expect":
            directive = try expectation(in: &line)
        case "timeout", "wait":
            guard let word = line.word() else {
                throw ScenarioLineError(reason: "\(name) needs a DURATION, for example \(name) 2s")
            }
            let duration = try ScenarioDuration.parse(word, for: name, allowsZero: name == "wait")
            directive = name == "wait" ? .wait(duration) : .timeout(duration)
            try line.finish("\(name) takes one DURATION")
        case "server":
            guard let url = line.word() else {
                throw ScenarioLineError(reason: "server needs a URL, for example server http://127.0.0.1:8008")
            }
            if let problem = AppEnvironment.problem(withServer: url) { throw ScenarioLineError(reason: problem) }
            directive = .server(url)
            try line.finish("server takes one URL")
        case "snapshot":
            directive = .snapshot(try snapshotName(line.word()))
            try line.finish("snapshot takes one NAME")
        default:
            throw ScenarioLineError(reason: "unknown directive \(ScenarioText.quoted(name)); \(directives)")
        }
        return directive
    }

    private static func key(_ argument: (text: String, isQuoted: Bool)?) throws(ScenarioLineError) -> Key {
        guard let argument else {
            throw ScenarioLineError(
                reason: "press needs a KEY, for example press Enter, press Ctrl-R or press x; write \"#\" in quotes")
        }
        return argument.isQuoted
            ? try ScenarioKey.key(quoted: argument.text) : try ScenarioKey.key(named: argument.text)
    }
}
