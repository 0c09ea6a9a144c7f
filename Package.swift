// swift-tools-version:6.0
import PackageDescription

/// Hot loops in Descent need `sqrt` to vectorize, which clang only does without errno.
let fastMath: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-fno-math-errno"])]

let package = Package(
    name: "Gradus",
    products: [
        .library(name: "Descent", targets: ["Descent"]),
    ],
    targets: [
        .target(
            name: "Descent",
            resources: [.copy("Resources/Datasets")],
            swiftSettings: fastMath
        ),
        .executableTarget(
            name: "descent-bench",
            dependencies: ["Descent"],
            path: "Benchmarks/DescentBench",
            swiftSettings: fastMath
        ),
        .testTarget(
            name: "DescentTests",
            dependencies: ["Descent"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
