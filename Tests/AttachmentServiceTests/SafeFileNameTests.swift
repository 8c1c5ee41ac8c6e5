import Testing

@testable import AttachmentService

/// Names that can only come from another sender (a path separator cannot be in a local file's name).
struct SafeFileNameTests {
    static let cases: [(name: String, safe: String)] = [
        ("../../.ssh/authorized_keys", "_._.ssh_authorized_keys"),
        ("/etc/passwd", "_etc_passwd"),
        ("..\\..\\windows", "_._windows"),
        ("report.pdf", "report.pdf"),
        ("Grüße 東京.txt", "Grüße 東京.txt"),
        ("\u{9B}31mC1 csi.txt", "C1 csi.txt"),
        ("trailing dots...", "trailing dots"),
        ("", "attachment"),
        (String(repeating: "é", count: 200) + ".jpeg", String(repeating: "é", count: 125) + ".jpeg"),
    ]

    @Test(arguments: cases)
    func namesAreMadeSafe(_ example: (name: String, safe: String)) {
        let safe = SafeFileName.make(example.name)
        #expect(safe == example.safe)
        #expect(!safe.contains("/") && !safe.contains("..") && safe.utf8.count <= 255)
    }

    @Test(arguments: ["a\u{1B}b", "tab\there", "new\nline", "\u{202E}rtl", "ok\u{7F}"])
    func controlCharactersMakeANameUnsafe(_ name: String) {
        #expect(SafeFileName.isUnsafe(name))
    }

    @Test(arguments: ["plain.txt", "Grüße.txt", "emoji 🎉.png", "with spaces and (brackets)"])
    func ordinaryNamesAreSafe(_ name: String) {
        #expect(!SafeFileName.isUnsafe(name))
    }
}
