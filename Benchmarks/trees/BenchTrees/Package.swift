// swift-tools-version:6.0
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder (the checkout may be called anything).
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../..").standardized
let rootIdentity = root.lastPathComponent

let package = Package(
    name: "BenchTrees",
    dependencies: [.package(path: "../../..")],
    targets: [
        .executableTarget(
            name: "BenchTrees",
            dependencies: [.product(name: "AutoSwiftML", package: rootIdentity)],
        ),
    ],
    swiftLanguageModes: [.v5]
)
