// swift-tools-version:6.1
import PackageDescription

/// Our own targets build in Swift 6 mode with warnings treated as errors.
let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .unsafeFlags(["-warnings-as-errors"]),
]

let grdb = Target.Dependency.product(name: "GRDB", package: "GRDB.swift")
let crypto = Target.Dependency.product(name: "Crypto", package: "swift-crypto")
let logging = Target.Dependency.product(name: "Logging", package: "swift-log")
/// C shims include FFmpeg's headers directly, so its module map's `link` lines never apply: name the libraries.
let ffmpegLibraries: [LinkerSetting] = ["avdevice", "avformat", "avcodec", "swscale", "avutil"].map {
    .linkedLibrary($0)
}

let package = Package(
    name: "Parley",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "parley", targets: ["parley"]),
        // FFmpeg, chafa, libjpeg and libsndfile behind one table, loaded on first use, not at start (issue 13).
        .library(name: "ParleyMediaPlugin", type: .dynamic, targets: ["ParleyMediaPlugin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        // MARK: - Service runtime: hosts any service, knows nothing of chat
        .target(
            name: "ServiceRuntime",
            // Lets callers specialise the generic host for their handler: unspecialised, every request
            // would pay for generic metadata look-ups.
            swiftSettings: strict + [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]
        ),

        // MARK: - Matrix client-server API: HTTP, models, sync loop, media; knows nothing of Parley
        .target(
            name: "MatrixClient",
            dependencies: [.product(name: "AsyncHTTPClient", package: "async-http-client")],
            swiftSettings: strict
        ),

        // MARK: - Contracts: requests, replies, events, models and errors of every service
        .target(name: "ParleyContracts", dependencies: ["ServiceRuntime"], swiftSettings: strict),

        // MARK: - Shared plumbing for the services' own stores and for signed sessions
        .target(name: "ParleyStorage", dependencies: [grdb], swiftSettings: strict),
        .target(name: "SessionTokens", dependencies: [crypto, "ParleyStorage"], swiftSettings: strict),

        // MARK: - The four services, each with its own store
        .target(
            name: "AccountService",
            dependencies: [
                "ServiceRuntime", "ParleyContracts", "ParleyStorage", "SessionTokens", grdb, "COpenSSLCrypto",
                "MatrixClient",
            ],
            swiftSettings: strict
        ),
        .target(
            name: "MessagingService",
            dependencies: [
                "ServiceRuntime", "ParleyContracts", "ParleyStorage", "SessionTokens", grdb, "MatrixClient",
            ],
            swiftSettings: strict
        ),
        .target(
            name: "AttachmentService",
            dependencies: [
                "ServiceRuntime", "ParleyContracts", "ParleyStorage", "SessionTokens", grdb, crypto, "MatrixClient",
            ],
            swiftSettings: strict
        ),
        .target(
            name: "MediaService",
            dependencies: [
                "ServiceRuntime", "ParleyContracts", "ParleyStorage", "CMediaCodecs", "CVideoCodecs", "VideoFrames",
            ],
            swiftSettings: strict
        ),
        // Frames of a capture device or a video file, through FFmpeg, drawn in cells: for camera and media.
        .target(
            name: "VideoFrames", dependencies: ["ParleyContracts", "CMediaCodecs", "CVideoCodecs"],
            swiftSettings: strict),
        .target(
            name: "CameraService",
            dependencies: ["ServiceRuntime", "ParleyContracts", "ParleyStorage", "CMediaCodecs", "VideoFrames"],
            swiftSettings: strict
        ),

        // MARK: - C libraries: scrypt for the account service; decoding and rendering for the media service
        .systemLibrary(name: "COpenSSLCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CChafa", pkgConfig: "chafa", providers: [.apt(["libchafa-dev", "libglib2.0-dev"])]),
        .systemLibrary(name: "CSndfile", pkgConfig: "sndfile", providers: [.apt(["libsndfile1-dev"])]),
        .systemLibrary(name: "CJpeg", pkgConfig: "libjpeg", providers: [.apt(["libjpeg-dev"])]),
        // The shims Swift calls for images and sounds, each a call into the media plugin, which they load.
        .target(name: "CMediaCodecs"),
        // stb_image_write, for tests and benchmarks that make their own images.
        .target(name: "CImageWriter"),
        // FFmpeg: capture devices, containers, codecs and scaling, behind shims for the camera and media services.
        .systemLibrary(
            name: "CFFmpeg", pkgConfig: "libavdevice",
            providers: [
                .apt(["libavdevice-dev", "libavformat-dev", "libavcodec-dev", "libswscale-dev", "libavutil-dev"])
            ]),
        // The shims Swift calls for video, capture devices and FFmpeg's sound, through the media plugin.
        .target(
            name: "CVideoCodecs", dependencies: ["CMediaCodecs"], cSettings: [.headerSearchPath("../CMediaCodecs")]),
        // The media plugin: stb_image, libjpeg-turbo, chafa, libsndfile and FFmpeg behind the two modules above.
        .target(
            name: "ParleyMediaPlugin", dependencies: ["CChafa", "CJpeg", "CSndfile", "CFFmpeg"],
            cSettings: [
                .headerSearchPath("../CMediaCodecs"), .headerSearchPath("../CMediaCodecs/include"),
                .headerSearchPath("../CVideoCodecs/include"),
                // Only the table's entry is exported: the shims must not bind to the app's functions of their names.
                .unsafeFlags(["-fvisibility=hidden"]),
            ],
            linkerSettings: ffmpegLibraries),
        // FFmpeg's encoders, for tests and benchmarks that make their own videos and sounds.
        .target(name: "CMediaFixtures", dependencies: ["CFFmpeg"], linkerSettings: ffmpegLibraries),

        // MARK: - Views: render state into a plain cell grid
        .target(
            name: "ParleyViews", dependencies: ["ParleyContracts", "ParleyCore", "ServiceRuntime"],
            swiftSettings: strict),

        // MARK: - App core: State + Msg -> update -> Effects
        .target(name: "ParleyCore", dependencies: ["ParleyContracts", "ServiceRuntime"], swiftSettings: strict),

        // MARK: - Settings, logs and the wiring of services into an app instance
        .target(
            name: "ParleyConfig",
            dependencies: [.product(name: "TOMLKit", package: "TOMLKit"), logging],
            swiftSettings: strict
        ),

        // MARK: - Front ends: the terminal, through ncurses
        .systemLibrary(
            name: "CNcurses", providers: [.apt(["libncurses-dev"])]),
        .target(
            name: "TerminalBackend", dependencies: ["CNcurses", "ParleyContracts", "ParleyViews"],
            swiftSettings: strict),

        // MARK: - The wiring: builds each service's host and hands the app its clients
        .target(
            name: "ParleyApp",
            dependencies: [
                "AccountService", "MessagingService", "AttachmentService", "MediaService", "CameraService",
                "ParleyConfig", "ParleyContracts", "ParleyCore", "ParleyStorage", "ServiceRuntime", "MatrixClient",
                "ChildProcesses", logging, grdb,
            ],
            swiftSettings: strict),

        // MARK: - The scenario runner: app instances on virtual screens, driven by a script
        .target(
            name: "ScenarioRunner",
            dependencies: ["ParleyApp", "ParleyContracts", "ParleyCore", "ParleyViews", "ServiceRuntime"],
            swiftSettings: strict),

        // MARK: - Executables
        .executableTarget(
            name: "parley",
            dependencies: [
                "ParleyApp", "ParleyContracts", "ParleyViews", "ScenarioRunner", "TerminalBackend",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // `make soak`: the release `parley` under chaos (issue 9); it reads the databases, nothing else.
        .executableTarget(name: "ParleySoak", dependencies: [grdb, "ChildProcesses"], swiftSettings: strict),
        .executableTarget(
            name: "ParleyBenchmarks",
            dependencies: [
                "ServiceRuntime", "AccountService", "MessagingService", "AttachmentService", "MediaService",
                "ParleyContracts", "ParleyStorage", "SessionTokens", "CMediaCodecs", "CImageWriter", "ParleyApp",
                "ParleyCore", "ParleyViews", grdb, "CameraService", "CVideoCodecs", "VideoFrames", "CMediaFixtures",
                "MatrixClient", "ChildProcesses",
            ],
            path: "Benchmarks/ParleyBenchmarks",
            swiftSettings: strict
        ),

        // MARK: - Tests, one target per module
        // Starting programs on files or a pseudo-terminal: notify-send for the app; tests, benchmarks, the soak.
        .target(name: "ChildProcesses", swiftSettings: strict),
        .target(name: "ParleyTestKit", dependencies: ["ParleyStorage", "ChildProcesses"], swiftSettings: strict),
        .testTarget(
            name: "MatrixClientTests", dependencies: ["MatrixClient", "ParleyTestKit"], swiftSettings: strict),
        .testTarget(
            name: "ServiceRuntimeTests", dependencies: ["ServiceRuntime", "ParleyTestKit"], swiftSettings: strict),
        .testTarget(
            name: "ParleyViewsTests", dependencies: ["ParleyViews", "ParleyTestKit"], exclude: ["__Snapshots__"],
            swiftSettings: strict),
        .testTarget(
            name: "TerminalBackendTests", dependencies: ["TerminalBackend"],
            swiftSettings: strict),
        .testTarget(
            name: "ParleyTests", dependencies: ["ParleyTestKit", grdb], swiftSettings: strict),
        .testTarget(
            name: "ScenarioRunnerTests",
            dependencies: ["ScenarioRunner", "ParleyContracts", "ParleyTestKit", "ServiceRuntime"],
            swiftSettings: strict),
        .testTarget(
            name: "ParleyAppTests",
            dependencies: [
                "ParleyApp", "ParleyContracts", "ParleyCore", "ParleyStorage", "ParleyTestKit", "ScenarioRunner",
                "ServiceRuntime", grdb,
            ],
            swiftSettings: strict),
        .testTarget(
            name: "ParleyCoreTests", dependencies: ["ParleyCore", "ParleyTestKit"], swiftSettings: strict),
        .testTarget(
            name: "ParleyStorageTests", dependencies: ["ParleyStorage", "ParleyTestKit", grdb], swiftSettings: strict),
        .testTarget(
            name: "SessionTokensTests", dependencies: ["SessionTokens", "ParleyTestKit"], swiftSettings: strict),
        .testTarget(
            name: "ParleyConfigTests",
            dependencies: ["ParleyConfig", "ParleyTestKit", logging],
            swiftSettings: strict
        ),
        .testTarget(
            name: "AccountServiceTests",
            dependencies: ["AccountService", "ParleyContracts", "ParleyTestKit"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "MessagingServiceTests",
            dependencies: ["MessagingService", "ParleyContracts", "ParleyStorage", "SessionTokens", "ParleyTestKit"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "AttachmentServiceTests",
            dependencies: [
                "AttachmentService", "ParleyContracts", "ParleyTestKit", "ParleyStorage", "ServiceRuntime",
                "SessionTokens", crypto,
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "MatrixBackendTests",
            dependencies: [
                "AccountService", "MessagingService", "AttachmentService", "ParleyApp", "ParleyContracts", "ParleyCore",
                "ParleyStorage", "ParleyTestKit", "ScenarioRunner", "ServiceRuntime", "MatrixClient", "ParleyViews",
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "MediaServiceTests",
            dependencies: [
                "MediaService", "ParleyContracts", "ParleyTestKit", "CImageWriter", "CSndfile", "CMediaFixtures",
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "CameraServiceTests",
            dependencies: [
                "CameraService", "ParleyContracts", "ParleyStorage", "ParleyTestKit", "ServiceRuntime", "CMediaCodecs",
            ],
            swiftSettings: strict
        ),
    ]
)
