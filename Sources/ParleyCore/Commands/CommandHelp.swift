/// One line of help per command, as `/help` and usage errors show it.
public enum CommandHelp {
    public static let entries: [(name: String, usage: String, summary: String)] = [
        ("register", "/register NAME PASSWORD [DISPLAY NAME]", "create an account and sign in"),
        ("login", "/login NAME PASSWORD", "sign in"),
        ("logout", "/logout", "sign out"),
        ("join", "/join #room", "join (or create) a public room and switch to it"),
        ("part", "/part", "leave the current room"),
        ("msg", "/msg NAME TEXT", "send a direct message"),
        ("query", "/query NAME", "open a direct conversation"),
        ("nick", "/nick DISPLAY NAME", "change your display name"),
        ("status", "/status TEXT", "set your status text (empty clears it)"),
        ("who", "/who", "list the members of the current room and their presence"),
        ("search", "/search TEXT", "search the messages of your rooms (Ctrl-R searches the current one)"),
        ("edit", "/edit TEXT", "replace the text of your last message in this room"),
        ("delete", "/delete", "delete your last message in this room"),
        ("reply", "/reply TEXT", "reply to the last message someone else sent in this room"),
        ("attach", "/attach PATH", "send a file to the current room"),
        ("save", "/save N PATH", "save attachment N to a file"),
        ("preview", "/preview N", "show attachment N: an image, a sound's waveform, or a file's first lines"),
        ("play", "/play N", "play attachment N (a sound)"),
        ("stop", "/stop", "stop playing"),
        ("camera", "/camera [list]", "open the camera (Space takes a still, Enter sends it), or list the cameras"),
        ("service", "/service stop|start|restart NAME", "control a service of this app"),
        ("debug", "/debug", "open or close the debug panel (also F12)"),
        ("help", "/help [COMMAND]", "list the commands, or explain one"),
        ("quit", "/quit", "leave Parley"),
    ]

    static func usage(of name: String) -> String? {
        entries.first { $0.name == name }?.usage
    }

    /// The help for `topic`, or every command's usage when there is none.
    public static func text(for topic: String?) -> String {
        guard let topic else { return "commands: " + entries.map { "/\($0.name)" }.joined(separator: " ") }
        guard let entry = entries.first(where: { $0.name == topic }) else {
            return "no command /\(topic); /help lists the commands"
        }
        return "\(entry.usage) — \(entry.summary)"
    }
}
