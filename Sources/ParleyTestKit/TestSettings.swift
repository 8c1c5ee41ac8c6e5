import Foundation

extension TemporaryDirectory {
    /// A settings file for an app under test: every setting at its default but the password cost, which is
    /// `fast`, so that a sign-in is a database write, not a second of hashing that a busy machine can stretch
    /// past the request deadline. The product's default stays OWASP's cost.
    public func testSettings() -> URL {
        let file = file("test-settings.toml")
        try! Data("[account]\npassword_cost = \"fast\"\n".utf8).write(to: file)
        return file
    }
}
