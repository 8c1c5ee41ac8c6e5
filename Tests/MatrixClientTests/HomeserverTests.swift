import MatrixClient
import Testing

struct HomeserverTests {
    @Test(arguments: [
        "https://matrix.example.org", "https://matrix.example.org:8448/", "http://127.0.0.1:8008",
        "http://127.1.2.3", "http://localhost:8008", "http://[::1]:8008",
    ])
    func acceptsHTTPSAndLoopback(_ text: String) throws {
        let server = try Homeserver(text)
        #expect(!server.baseURL.absoluteString.hasSuffix("/"))
    }

    @Test(arguments: ["http://matrix.example.org", "http://192.168.1.2:8008", "http://128.0.0.1", "http://[::2]"])
    func refusesPlainHTTPBeyondLoopback(_ text: String) {
        #expect(throws: MatrixError.insecureServer(text)) { try Homeserver(text) }
        #expect(MatrixError.insecureServer(text).description.contains("unencrypted"))
    }

    @Test(arguments: ["matrix.example.org", "ftp://example.org", "", "https://"])
    func refusesWhatIsNotAServerURL(_ text: String) {
        #expect {
            try Homeserver(text)
        } throws: { error in
            guard case .invalidServerURL = error as? MatrixError else { return false }
            return true
        }
    }

    @Test func namesTheHostAndPort() throws {
        #expect(try Homeserver("http://127.0.0.1:8008/").name == "127.0.0.1:8008")
        #expect(try Homeserver("https://matrix.org").name == "matrix.org")
    }
}
