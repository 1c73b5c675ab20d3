// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "AutoSwiftML",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "AutoSwiftML", targets: ["AutoSwiftML"]),
        .executable(name: "automl", targets: ["AutoMLCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // MARK: - Public API
        .target(name: "AutoSwiftML", dependencies: ["MLCore", "MLData", "MLModels"]),
        .executableTarget(
            name: "AutoMLCLI",
            dependencies: ["AutoSwiftML", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        // MARK: - Layers
        .target(name: "MLCore", dependencies: ["CLinearAlgebra"]),
        .target(name: "MLData", dependencies: ["MLCore"]),
        .target(name: "MLModels", dependencies: ["MLCore"]),

        // MARK: - Implementation details
        .systemLibrary(
            name: "CLinearAlgebra",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
        ),

        // MARK: - Tests
        .target(name: "TestSupport", dependencies: ["AutoSwiftML"], path: "Tests/TestSupport"),
        .testTarget(name: "MLCoreTests", dependencies: ["MLCore", "CLinearAlgebra", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "MLDataTests", dependencies: ["MLData", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "MLModelsTests", dependencies: ["MLModels", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "AutoSwiftMLTests", dependencies: ["AutoSwiftML", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "AutoMLCLITests", dependencies: ["AutoMLCLI", "TestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)
