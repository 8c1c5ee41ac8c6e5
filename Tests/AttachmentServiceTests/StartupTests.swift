import Foundation
import ParleyContracts
import ParleyTestKit
import ServiceRuntime
import Testing

@testable import AttachmentService

@Suite(.timeLimit(.minutes(1)))
struct StartupTests {
    @Test func aStoreThatCannotBeOpenedFailsTheStartInOneSentence() async throws {
        // Given a data directory whose attachments.sqlite is not a database
        let directory = TemporaryDirectory("attachment")
        defer { directory.remove() }
        try directory.dataDirectory.prepare()
        let database = directory.dataDirectory.file("attachments.sqlite")
        try Data(repeating: 0x41, count: 4096).write(to: database)

        // When the service starts
        let host = AttachmentService.makeHost(
            dataDirectory: directory.dataDirectory,
            configuration: ServiceConfiguration(restartPolicy: RestartPolicy(maxRestarts: 0)),
            membership: FakeMembership())
        await host.start()

        // Then it ends up failed, saying what is wrong with which file, and requests are refused at once
        #expect(await eventually { host.status.state == .failed })
        #expect(
            host.status.lastError
                == "attachment could not start: \(database.path) is not a Parley database; move it aside or "
                + "choose another data directory with --data")
        await #expect(throws: ServiceCallError<AttachmentError>.self) {
            try await host.request(.collectGarbage(token: "t"))
        }
        await host.close()
    }

    @Test func theStoreSurvivesARestart() async throws {
        try await withService { service in
            let reference = try await service.importFile(try service.write("a.txt", Array("abc".utf8))).reference
            await service.host.restart()
            let reply = try await service.host.request(.info(token: service.token("alice"), attachment: reference.id))
            #expect(reply == .info(AttachmentInfo(reference: reference, rooms: [])))
        }
    }
}
