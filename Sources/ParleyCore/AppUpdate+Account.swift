import Foundation
import ParleyContracts

func handleAccountReply(
    _ request: AccountRequest, _ result: Result<AccountReply, CallFailure<AccountError>>, in state: inout AppState
) -> [AppEffect] {
    switch (request, result) {
    case let (_, .success(.session(session))):
        let waiting = state.signingIn?.waiting ?? []
        state.signingIn = nil
        let opening = state.chat.openingView(for: session)
        state.chat.signOut()
        state.chat.session = session
        if let opening {
            // The user's last screen stays until the welcome replaces it, as a view from the cache does.
            (state.chat.rooms, state.chat.currentRoom, state.chat.timelines) = opening
            state.chat.isCachedView = true
        }
        // Messages sent before now are history, however they arrive (a first sync, a catch-up): none rings.
        state.chat.alertsSince = state.lastTick
        state.notice = "signed in as \(session.user)"
        var effects: [AppEffect] = [
            .messaging(.hello(token: session.token)), .account(.heartbeat(token: session.token, presence: .online)),
            .loadOutbox(user: session.user),
        ]
        // What was typed while the sign-in was answered runs now, in order, as if typed after it.
        for command in waiting { effects += run(command, in: &state) }
        return effects
    case let (.register, .failure(failure)), let (.login, .failure(failure)):
        let waiting = state.signingIn?.waiting ?? []
        state.signingIn = nil
        let notRun = waiting.map { "/\($0.name)" }.joined(separator: ", ")
        state.notice =
            failure.sentence(resumes: resumption(of: request)) + (waiting.isEmpty ? "" : "; not run: \(notRun)")
    case let (_, .success(.profile(profile))):
        state.notice = "you are \(profile.displayName)" + (profile.status.isEmpty ? "" : " — \(profile.status)")
    case let (_, .success(.presence(presence))):
        state.chat.presence.merge(presence) { $1 }
        // `/who` asked for the current room's members: each with how far they have read it.
        let room = state.chat.currentRoom
        let members = presence.keys.sorted().map { name in
            let read = room.map { ", " + lastRead(by: name, in: $0, chat: state.chat) } ?? ""
            return "\(name) (\(presence[name]!.rawValue)\(read))"
        }
        state.notice = "members: " + members.joined(separator: ", ")
    case (_, .success(.done)), (_, .success(.directory)):
        break
    case let (_, .failure(.refused(.sessionRefused(server)))):
        // Also from the heartbeat: a kept session is resumed without asking the server, whose verdict on the
        // token comes with the first heartbeat.
        signInAgain(server: server, in: &state)
    case (.resume, .failure):
        // Nothing kept to resume after all: the last screen shown meanwhile was no one's to show.
        closeOpening(in: &state)
    case (.heartbeat, .failure), (.logout, .failure), (.presence, .failure):
        break  // background bookkeeping: nothing the user asked for is lost
    case let (_, .failure(failure)):
        state.notice = failure.sentence(resumes: resumption(of: request))
    }
    return []
}

/// What comes back with the account service, in the words of the notice.
private func resumption(of request: AccountRequest) -> String {
    switch request {
    case .register: "sign-up resumes"
    case .login: "sign-in resumes"
    case .updateProfile, .changePassword: "profile changes resume"
    case .directory, .profile: "the directory returns"
    case .presence, .heartbeat: "presence returns"
    case .logout: "signing out resumes"
    case .resume: "sign-in resumes"
    }
}

/// What the app asks for once at start: the session kept from last time, if the backend kept one (a
/// homeserver's access token); the welcome screen then signs in by itself.
public func startUp(_ state: inout AppState) -> [AppEffect] {
    // Over a kept user's last screen, commands typed before the session comes wait for it.
    if state.chat.openingSession != nil { state.signingIn = SignIn() }
    return [.account(.resume)]
}

/// Back to the welcome screen from a last screen shown at start whose session could not be resumed.
private func closeOpening(in state: inout AppState) {
    guard state.chat.openingSession != nil, state.chat.session == nil else { return }
    let waiting = state.signingIn?.waiting ?? []
    state.signingIn = nil
    state.chat.signOut()
    let notRun = waiting.map { "/\($0.name)" }.joined(separator: ", ")
    state.notice = "your last session could not be resumed; sign in with /login NAME PASSWORD"
    if !waiting.isEmpty { state.notice! += "; not run: \(notRun)" }
}

/// The homeserver no longer accepts the session: back to the welcome screen, with one sentence. The outbox
/// stays on disk and is read back at the next sign-in, so nothing queued is lost.
func signInAgain(server: String, in state: inout AppState) {
    guard state.chat.session != nil else { return }
    state.chat.signOut()
    state.notice = "the homeserver \(server) no longer accepts your session; sign in again with /login NAME PASSWORD"
}

func handleAccountEvent(_ event: AccountEvent, in state: inout AppState) {
    switch event {
    case let .presenceChanged(name, presence): state.chat.presence[name] = presence
    case .profileChanged: break
    }
}

/// A heartbeat every `heartbeatInterval` while signed in, so others see this user online.
func heartbeatIfDue(at now: Date, in state: inout AppState) -> [AppEffect] {
    guard let token = state.chat.session?.token else { return [] }
    if let last = state.chat.lastHeartbeat, now.timeIntervalSince(last) < heartbeatInterval { return [] }
    state.chat.lastHeartbeat = now
    return [.account(.heartbeat(token: token, presence: .online))]
}

/// A third of the default presence timeout: two heartbeats may be lost before others see this user offline.
let heartbeatInterval: TimeInterval = 10
