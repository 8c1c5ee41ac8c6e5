import CMediaCodecs
import CVideoCodecs

/// The media plugin, `libParleyMediaPlugin.so`: the code that uses FFmpeg, chafa, libjpeg and libsndfile.
///
/// The app links none of those libraries (they pull in about two hundred more, tens of milliseconds and
/// megabytes at every start); the media and camera services load the plugin the first time they need it,
/// from beside the executable. Every C shim would load it too, but a service loads it first to say why not.
public enum MediaPlugin {
    /// The plugin's file name, beside the executable (`.build/release/`, or where parley is installed).
    public static let fileName = "libParleyMediaPlugin.so"

    /// Loads the plugin from `path`, or from beside the executable when nil, unless it is loaded already.
    /// Throws `VideoStreamError` of kind `noPlugin`, with the dynamic loader's reason, when it cannot.
    public static func load(from path: String? = nil) throws(VideoStreamError) {
        var message = [CChar](repeating: 0, count: 512)
        guard parley_media_plugin_load(path, &message, message.count) == 0 else {
            throw VideoStreamError(code: PARLEY_AV_NO_PLUGIN, message: message.nulTerminatedText)
        }
    }
}
