import ParleyContracts
import ServiceRuntime

/// Answers the attachment service's "is this user in that room?" by asking the messaging service, which owns
/// rooms, with the asking user's own token: services share no tables and no master key.
struct MessagingMembership: RoomMembershipChecking {
    let messaging: any ServiceEndpoint<MessagingRequest, MessagingReply, MessagingEvent, MessagingError>

    func isMember(user: String, of room: RoomID, token: String) async throws -> Bool {
        do throws(ServiceCallError<MessagingError>) {
            guard
                case let .members(names) = try await messaging.request(
                    .listMembers(token: token, room: room), caller: ServiceName.attachment.rawValue, timeout: nil)
            else { return false }
            return names.contains(user)
        } catch {
            switch error.failure {
            case .notAMember, .unknownRoom: return false
            default: throw error
            }
        }
    }
}
