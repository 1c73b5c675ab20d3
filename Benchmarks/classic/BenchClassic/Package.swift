// swift-tools-version:6.0
// Timing harness for the classic models (release build); see ../run.sh.
import Foundation
import PackageDescription

// A path dependency's identity is its folder name (lower-cased), which differs per checkout.
let rootIdentity = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent.lowercased()

let package = Package(
    name: "BenchClassic",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "../../..")],
    targets: [
        .executableTarget(
            name: "BenchClassic",
            dependencies: [.product(name: "AutoSwiftML", package: rootIdentity)]
        ),
    ],
    swiftLanguageModes: [.v5]
)
