import ParleyContracts
import ServiceRuntime

/// The media service's entry point for the wiring: image previews, audio descriptions and playback, and
/// summaries of other files, behind a service host.
public enum MediaService {
    /// A stopped host named `media`; call `start()` to run it.
    /// - Parameters:
    ///   - player: plays sounds; the default runs the first of paplay, aplay, ffplay or mpv found on PATH.
    ///   - counters: lets the wiring (or a test) see how many previews were rendered and how many cached.
    ///   - pluginPath: the media plugin holding the decoders; nil, `libParleyMediaPlugin.so` beside the
    ///     executable. It is loaded at the first preview, sound or video, never at start.
    public static func makeHost(
        configuration: ServiceConfiguration = .init(), limits: MediaLimits = .init(),
        player: any AudioPlayer = SystemAudioPlayer(), counters: MediaCounters = MediaCounters(),
        pluginPath: String? = nil
    ) -> ServiceHost<MediaHandler> {
        ServiceHost(name: ServiceName.media.rawValue, configuration: configuration) { _ in
            MediaHandler(limits: limits, player: player, counters: counters, pluginPath: pluginPath)
        }
    }
}
