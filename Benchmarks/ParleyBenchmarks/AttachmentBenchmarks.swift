import AttachmentService
import Foundation
import ParleyContracts
import ParleyStorage
import ServiceRuntime
import SessionTokens

/// Import throughput of the attachment service beside `cp` of the same file, measured in the same run.
let attachmentBenchmarks: [Benchmark] = [
    Benchmark(name: "attachment.import") {
        let size = 200 << 20
        let rounds = 5
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("parley-bench-attachment-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("source.bin")
        try writeNoise(to: source, bytes: size)

        let data = DataDirectory(folder.appendingPathComponent("data", isDirectory: true))
        let host = AttachmentService.makeHost(
            dataDirectory: data, configuration: ServiceConfiguration(defaultTimeout: .seconds(300)),
            maxSize: Int64(size) * 2, membership: NobodyIsAMember())
        await host.start()
        let signer = TokenSigner(key: try SessionKey.loadOrCreate(in: data), revocations: nil)
        let token = signer.sign(
            SessionClaims(user: "bench", session: "bench", issuedAt: Date(), expiresAt: Date() + 3_600))

        var importTimes: [Double] = []
        var copyTimes: [Double] = []
        // Round 0 warms up (the database, the page cache, the threads) and is not counted.
        for round in 0...rounds {
            // New content each round, so the store really stores it rather than finding it there already.
            try stamp(source, with: UInt64(round))
            let clock = ContinuousClock()
            // Alternate which goes first; between the two, drop the copy just made and flush the disk, so
            // neither pays for the other's write-back.
            for job in round.isMultiple(of: 2) ? ["cp", "import"] : ["import", "cp"] {
                sync()
                let start = clock.now
                if job == "cp" {
                    let copy = folder.appendingPathComponent("cp.bin").path
                    try copyWithCP(source.path, to: copy)
                    if round > 0 { copyTimes.append(nanoseconds(clock.now - start) / 1e9) }
                    try FileManager.default.removeItem(atPath: copy)
                } else {
                    let reply = try await host.request(.importFile(token: token, path: source.path))
                    if round > 0 { importTimes.append(nanoseconds(clock.now - start) / 1e9) }
                    try await discard(reply, from: host, token: token)
                }
            }
        }
        await host.close()

        let importSeconds = median(importTimes)
        let copySeconds = median(copyTimes)
        let megabytes = Double(size) / 1e6
        figure("attachment.import.200MiB", megabytes / importSeconds, "MB/s", reference: "cp", megabytes / copySeconds)
        figure("attachment.import.200MiB.time", importSeconds * 1e3, "ms", reference: "cp", copySeconds * 1e3)
    }
]

/// Sends the imported attachment in a message and deletes that message, so the store collects the blob.
private func discard(_ reply: AttachmentReply, from host: ServiceHost<AttachmentHandler>, token: String) async throws {
    guard case let .imported(imported) = reply else { return }
    let message = MessageID(UUID().uuidString)
    _ = try await host.request(
        .bind(token: token, attachment: imported.reference.id, room: RoomID("#bench"), message: message))
    _ = try await host.request(.release(token: token, message: message))
}

/// Nobody saves in this benchmark, so nobody needs to be a member.
private struct NobodyIsAMember: RoomMembershipChecking {
    func isMember(user: String, of room: RoomID, token: String) async throws -> Bool { false }
}

/// Writes `bytes` of xorshift noise, a megabyte at a time: incompressible and never all in memory.
private func writeNoise(to url: URL, bytes: Int) throws {
    _ = FileManager.default.createFile(atPath: url.path, contents: nil)
    let handle = try FileHandle(forWritingTo: url)
    defer { try? handle.close() }
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    var chunk = [UInt64](repeating: 0, count: (1 << 20) / 8)
    for _ in 0..<(bytes >> 20) {
        for index in chunk.indices {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            chunk[index] = state
        }
        try handle.write(contentsOf: chunk.withUnsafeBytes { Data($0) })
    }
}

/// Overwrites the file's first eight bytes with `value`.
private func stamp(_ url: URL, with value: UInt64) throws {
    let handle = try FileHandle(forWritingTo: url)
    defer { try? handle.close() }
    try handle.write(contentsOf: withUnsafeBytes(of: value) { Data($0) })
}

private func copyWithCP(_ source: String, to destination: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/cp")
    process.arguments = [source, destination]
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
}

private func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
}
