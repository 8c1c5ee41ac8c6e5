import Foundation
import ParleyContracts
import ParleyTestKit
import ServiceRuntime
import Testing

extension MatrixBackendSuites {
    /// A homeserver that takes connections and never answers (hung, or packets dropped on the way): the app still
    /// opens with the kept session, on its cached screen, instead of waiting for the client's whole deadline.
    @Suite(.timeLimit(.minutes(3)))
    struct MatrixSilentServerTests {
        @Test func aStartResumesTheKeptSessionWhenTheServerDoesNotAnswer() async throws {
            let homeserver = try TestHomeserver.current()
            let serverSwitch = try ServerSwitch(forwardingTo: homeserver.url)
            defer { serverSwitch.switchOff() }
            let directory = TemporaryDirectory("silent")
            let first = try await MatrixPeer.start(directory: directory, server: serverSwitch.url)
            let session = try await first.register("sil")
            await first.close(removing: false)

            serverSwitch.goSilent()
            let second = try await MatrixPeer.start(directory: directory, server: serverSwitch.url)
            // Well short of the client's 30 s request deadline, well beyond the resume check's 2 s.
            let resumed = try await second.account.request(.resume, caller: "test", timeout: .seconds(20)).session
            #expect(resumed.token == session.token)
            #expect(resumed.user == session.user)
            await second.close()
        }
    }
}
