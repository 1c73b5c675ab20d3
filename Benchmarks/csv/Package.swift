// swift-tools-version:6.0
// CSV reader benchmark. The library sources are symlinked from the repository (Sources/), so a
// release build compiles only MLCore and MLData. Run ./run.sh (see README.md).
import PackageDescription

let package = Package(
    name: "CSVBenchmark",
    targets: [
        .systemLibrary(name: "CLinearAlgebra", path: "Sources/CLinearAlgebra"),
        .target(name: "MLCore", dependencies: ["CLinearAlgebra"], path: "Sources/MLCore"),
        .target(name: "MLData", dependencies: ["MLCore"], path: "Sources/MLData"),
        .executableTarget(name: "csv-bench", dependencies: ["MLData"], path: "Sources/csv-bench"),
    ],
    swiftLanguageModes: [.v5]
)
