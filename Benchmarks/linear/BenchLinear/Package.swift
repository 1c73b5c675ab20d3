// swift-tools-version:6.0
// Times AutoSwiftML's linear fits for Benchmarks/linear/run.sh. Depends on the repository root.
import Foundation
import PackageDescription

// A path dependency's identity is its directory name, which differs between checkouts.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../..").standardizedFileURL
let rootIdentity = root.lastPathComponent.lowercased()

let package = Package(
    name: "BenchLinear",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: root.path)],
    targets: [
        .executableTarget(
            name: "BenchLinear",
            dependencies: [.product(name: "AutoSwiftML", package: rootIdentity)],
            swiftSettings: [.unsafeFlags(["-Ounchecked"])]
        ),
    ],
    swiftLanguageModes: [.v5]
)
