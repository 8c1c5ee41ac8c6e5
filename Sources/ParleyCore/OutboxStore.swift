import ParleyContracts

/// Where a user's unsent messages are kept between runs of the app, so that what was sent while messaging was
/// off survives quitting (DESIGN.md, "Outbox").
///
/// Written by intents, never whole: any number of app instances of one user share it, each adding what it
/// queues and removing only what it saw confirmed, so that no instance can wipe what another left.
public protocol OutboxStore: Sendable {
    /// Puts `message` at the end of `user`'s outbox; one already there (same id) stays where it is.
    func add(_ message: PendingMessage, user: String) throws
    /// Puts `message` in the place its id holds in `user`'s outbox, as it now is (a queued file once taken in
    /// carries the attachment instead); nothing if it is not there.
    func replace(_ message: PendingMessage, user: String) throws
    /// Takes delivered (or refused) messages out of `user`'s outbox; ids not there are ignored.
    func remove(_ ids: [MessageID], user: String) throws
    /// Everything in `user`'s outbox, in the order it was added; empty if nothing waits.
    func items(of user: String) throws -> [PendingMessage]
}
