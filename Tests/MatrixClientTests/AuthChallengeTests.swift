import Foundation
import Testing

@testable import MatrixClient

struct AuthChallengeTests {
    static func challenge(_ json: String) throws -> AuthChallenge {
        try JSONDecoder().decode(AuthChallenge.self, from: Data(json.utf8))
    }

    @Test func aDummyFlowIsAccepted() throws {
        let offered = try Self.challenge(
            #"{"session": "s", "flows": [{"stages": ["m.login.email.identity"]}, {"stages": ["m.login.dummy"]}]}"#)
        #expect(throws: Never.self) { try offered.requireDummyStage() }
    }

    @Test func anotherStageIsNamed() throws {
        let captcha = try Self.challenge(
            #"{"session": "s", "flows": [{"stages": ["m.login.recaptcha", "m.login.terms"]}], "completed": ["m.login.terms"]}"#
        )
        #expect(throws: MatrixError.unsupportedAuthStage(stages: ["m.login.recaptcha"])) {
            try captcha.requireDummyStage()
        }
        #expect(
            MatrixError.unsupportedAuthStage(stages: ["m.login.recaptcha"]).description.contains("m.login.recaptcha"))
    }
}
