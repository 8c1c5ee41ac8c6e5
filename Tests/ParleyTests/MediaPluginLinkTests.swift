import Foundation
import ParleyTestKit
import Testing

/// The app starts without FFmpeg, chafa, glib, libjpeg or libsndfile (issue 13): they are the media plugin's,
/// beside the executable, loaded the first time a preview, sound, video or the camera needs them. (The camera
/// scenario in ScenarioCommandTests is the built app loading it so.)
@Suite(.timeLimit(.minutes(1)))
struct MediaPluginLinkTests {
    static let mediaLibraries = [
        "libavcodec", "libavformat", "libavdevice", "libchafa", "libglib-2.0", "libjpeg", "libsndfile",
    ]

    @Test func theAppLoadsNoMediaLibraryAtStart() throws {
        let result = try runCommand(URL(fileURLWithPath: "/usr/bin/ldd"), [builtProduct("parley").path])
        #expect(result.status == 0, "stderr was:\n\(result.errorOutput)")
        #expect(result.output.contains("libswiftCore"), "ldd printed:\n\(result.output)")
        for library in Self.mediaLibraries {
            #expect(!result.output.contains(library + "."), "parley loads \(library) at start")
        }
    }

    @Test func thePluginBesideTheAppHoldsThem() throws {
        let plugin = builtProduct("libParleyMediaPlugin.so")
        let result = try runCommand(URL(fileURLWithPath: "/usr/bin/ldd"), [plugin.path])
        #expect(result.status == 0, "stderr was:\n\(result.errorOutput)")
        for library in Self.mediaLibraries {
            #expect(result.output.contains(library + "."), "the plugin does not link \(library)")
        }
        #expect(!result.output.contains("not found"), "ldd printed:\n\(result.output)")
    }
}
