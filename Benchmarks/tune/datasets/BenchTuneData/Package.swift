// swift-tools-version:6.0
// Cross-validates tuning candidates on public datasets for Benchmarks/tune/datasets/run.sh. Depends on the
// repository root.
import Foundation
import PackageDescription

// A path dependency's identity is its directory name, which differs between checkouts.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../../..").standardizedFileURL
let rootIdentity = root.lastPathComponent.lowercased()

let package = Package(
    name: "BenchTuneData",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: root.path)],
    targets: [
        .executableTarget(
            name: "BenchTuneData",
            dependencies: [.product(name: "AutoSwiftML", package: rootIdentity)]
        ),
    ],
    swiftLanguageModes: [.v5]
)
