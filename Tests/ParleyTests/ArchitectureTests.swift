import Foundation
import Testing

/// DESIGN's rule for the layers, checked on the sources: the app core and the front ends talk to services
/// through the contracts only, never by importing a service's implementation.
struct ArchitectureTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// Modules that hold a service's implementation.
    static let serviceModules: Set = [
        "AccountService", "MessagingService", "AttachmentService", "MediaService", "CameraService",
    ]

    /// Modules of the user interface: they see the services through `ParleyContracts` only. The scenario
    /// runner reaches the services through `ParleyApp`, the wiring, as the `parley` executable does.
    static let interfaceModules = ["ParleyCore", "ParleyViews", "TerminalBackend", "ScenarioRunner"]

    /// The modules `file` imports, from its `import` lines (with or without attributes such as `@testable`).
    static func imports(of file: URL) throws -> Set<String> {
        let text = try String(contentsOf: file, encoding: .utf8)
        return Set(
            text.split(separator: "\n").compactMap { line -> String? in
                let words = line.split(separator: " ").filter { !$0.hasPrefix("@") }
                guard words.count >= 2, words[0] == "import" else { return nil }
                return String(words[words.count - 1].split(separator: ".")[0])
            })
    }

    static func swiftFiles(in module: String) -> [URL] {
        let folder = sources.appendingPathComponent(module)
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.allObjects ?? []
        return files.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
    }

    @Test(arguments: interfaceModules)
    func anInterfaceModuleImportsNoServiceImplementation(_ module: String) throws {
        let files = Self.swiftFiles(in: module)
        #expect(!files.isEmpty, "no sources found for \(module) under \(Self.sources.path)")
        for file in files {
            let forbidden = try Self.imports(of: file).intersection(Self.serviceModules)
            #expect(forbidden.isEmpty, "\(module)/\(file.lastPathComponent) imports \(forbidden.sorted())")
        }
    }

    @Test func theCheckSeesAnImportOfAServiceModule() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-arch-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("Leak.swift")
        try "import Foundation\n@testable import MessagingService\nimport struct AccountService.AccountSettings\n"
            .write(to: file, atomically: true, encoding: .utf8)
        #expect(try Self.imports(of: file).intersection(Self.serviceModules) == ["MessagingService", "AccountService"])
    }
}
