import Foundation
import MediaService
import ParleyContracts
import ParleyTestKit
import ServiceRuntime

/// A started media service with its own temporary directory, and shortcuts for the replies tests expect.
struct MediaTestHost {
    let host: ServiceHost<MediaHandler>
    let counters = MediaCounters()
    let directory = TemporaryDirectory("media")

    init(limits: MediaLimits = .init(), player: any AudioPlayer = SilentPlayer(), pluginPath: String? = nil) async {
        host = MediaService.makeHost(
            configuration: ServiceConfiguration(defaultTimeout: .seconds(30)), limits: limits, player: player,
            counters: counters, pluginPath: pluginPath)
        await host.start()
    }

    /// For `defer`, which cannot wait: the files go now, the host closes in the background (a test ending
    /// with a sound playing gets it stopped that way too).
    func finish() {
        directory.remove()
        Task { [host] in await host.close() }
    }

    func file(_ name: String) -> URL { directory.file(name) }

    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        try Data(bytes).write(to: file(name))
        return file(name).path
    }

    func preview(
        _ path: String, hash: String = "hash", width: Int = 20, height: Int = 10, palette: Palette = .truecolor
    ) async throws(ServiceCallError<MediaError>) -> Preview {
        let reply = try await host.request(
            .preview(path: path, contentHash: hash, width: width, height: height, palette: palette))
        guard case let .preview(preview) = reply else { preconditionFailure("expected a preview, got \(reply)") }
        return preview
    }

    /// The service's own refusal of `request`, or nil when it answered (or failed for another reason).
    func refusal(_ request: MediaRequest) async -> MediaError? {
        do {
            _ = try await host.request(request)
            return nil
        } catch {
            return error.failure
        }
    }
}
