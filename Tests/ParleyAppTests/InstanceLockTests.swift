import Foundation
import ParleyTestKit
import Testing

@testable import ParleyApp

/// The lock that tells other processes an app instance still runs: held while it lives, gone when it ends,
/// even in the same process (the scenario runner's sessions).
struct InstanceLockTests {
    @Test func aRunningInstanceIsSeenRunningAndAnEndedOneIsNot() {
        let directory = TemporaryDirectory("instance-lock")
        defer { directory.remove() }
        // Given an instance that runs
        let lock = InstanceLock(id: "first", directory: directory.dataDirectory)
        #expect(InstanceLock.isRunning("first", in: directory.dataDirectory))
        #expect(!InstanceLock.isRunning("never-started", in: directory.dataDirectory))
        // When it ends, then it is seen ended, and its file is gone
        lock.release()
        #expect(!InstanceLock.isRunning("first", in: directory.dataDirectory))
        #expect(!FileManager.default.fileExists(atPath: Self.lockFile("first", in: directory).path))
    }

    /// A killed instance leaves its file behind, unlocked: the next instance to start removes it, and only it.
    @Test func theFileAKilledInstanceLeftIsRemovedAtTheNextStart() throws {
        let directory = TemporaryDirectory("instance-lock-left")
        defer { directory.remove() }
        // Given a live instance and the file a killed one left (no process holds its lock)
        let live = InstanceLock(id: "live", directory: directory.dataDirectory)
        defer { live.release() }
        try Data().write(to: Self.lockFile("killed", in: directory))
        // When another instance starts
        InstanceLock.removeEnded(in: directory.dataDirectory)
        // Then the killed one's file is gone and the live one's stays
        #expect(!FileManager.default.fileExists(atPath: Self.lockFile("killed", in: directory).path))
        #expect(InstanceLock.isRunning("live", in: directory.dataDirectory))
    }

    static func lockFile(_ id: String, in directory: TemporaryDirectory) -> URL {
        directory.dataDirectory.url.appendingPathComponent(InstanceLock.folder).appendingPathComponent("\(id).lock")
    }
}
