import Foundation
import ParleyContracts
import ParleyTestKit
import Testing

@testable import AttachmentService

/// Only members of a room an attachment was sent to may save or locate it.
@Suite(.timeLimit(.minutes(1)))
struct AccessTests {
    @Test func aNonMemberCannotSaveOrLocate() async throws {
        try await withService { service in
            // Given an attachment alice sent to #secret, where mallory is not a member
            let reference = try await SaveTests.sent(
                "keys.txt", Array("k".utf8), in: service, room: RoomID("#secret"))
            let token = service.token("mallory")
            let target = service.directory.file("stolen.txt").path

            // When mallory asks for it, then she is refused and nothing is written
            let saving = await service.refusal(.save(token: token, attachment: reference.id, destination: target))
            let locating = await service.refusal(.locate(token: token, attachment: reference.id))
            let info = await service.refusal(.info(token: token, attachment: reference.id))
            #expect(saving == .notMember(room: RoomID("#secret")))
            #expect(locating == .notMember(room: RoomID("#secret")))
            #expect(info == .notMember(room: RoomID("#secret")))
            #expect(!FileManager.default.fileExists(atPath: target))
            #expect(
                saving?.description == "only members of #secret may fetch this attachment; join the room first")

            // And once she joins, she may
            service.membership.add("mallory", to: RoomID("#secret"))
            let reply = try await service.host.request(.locate(token: token, attachment: reference.id))
            #expect(reply == .located(service.blobFolder.appendingPathComponent(reference.id)))
        }
    }

    @Test func anAttachmentNotYetSentIsOnlyTheImporters() async throws {
        try await withService { service in
            let reference = try await service.importFile(try service.write("draft.txt", Array("d".utf8))).reference

            let own = try await service.host.request(.info(token: service.token("alice"), attachment: reference.id))
            #expect(own == .info(AttachmentInfo(reference: reference, rooms: [])))
            let other = await service.refusal(.locate(token: service.token("bob"), attachment: reference.id))
            #expect(other == .notShared(id: reference.id))
            // Nobody had to ask the messaging service about the importer's own file.
            #expect(service.membership.questionCount == 0)
        }
    }

    @Test func membershipThatCannotBeCheckedIsSaidSo() async throws {
        try await withService { service in
            let reference = try await SaveTests.sent("a.txt", Array("a".utf8), in: service)
            service.membership.setReachable(false)
            let error = await service.refusal(.locate(token: service.token("bob"), attachment: reference.id))
            #expect(
                error
                    == .membershipUnknown(
                        room: RoomID("#general"), reason: "messaging unavailable: the service is stopped"))
        }
    }

    @Test func locateGivesAReadableFileOfTheContent() async throws {
        try await withService { service in
            let reference = try await SaveTests.sent("tune.ogg", Array("OggS tune".utf8), in: service)
            let reply = try await service.host.request(.locate(token: service.token("bob"), attachment: reference.id))
            guard case let .located(url) = reply else { throw Harness.Unexpected() }
            #expect(try Data(contentsOf: url) == Data("OggS tune".utf8))
        }
    }

    @Test func infoListsTheRoomsItWasSentTo() async throws {
        try await withService { service in
            let reference = try await SaveTests.sent("a.txt", Array("a".utf8), in: service)
            service.membership.add("alice", to: RoomID("#random"))
            service.clock.advance(by: 1)
            _ = try await service.host.request(
                .bind(
                    token: service.token("alice"), attachment: reference.id, room: RoomID("#random"),
                    message: MessageID("m2")))
            let reply = try await service.host.request(.info(token: service.token("alice"), attachment: reference.id))
            #expect(
                reply == .info(AttachmentInfo(reference: reference, rooms: [RoomID("#general"), RoomID("#random")])))
        }
    }
}
