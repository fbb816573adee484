// swift-tools-version:5.9
// sparrow-core for iOS: the uniffi-generated Swift (Sources/SparrowCore/SparrowCore.swift,
// written by scripts/build-xcframework.sh, never committed) over the static library in
// SparrowCoreFFI.xcframework.
//
// NOT BUILT OR TESTED ON THIS PROJECT'S MACHINES: they have no Swift toolchain and no
// Xcode. Build and test on a macOS runner with Xcode 15+:
//   bash bindings-swift/scripts/build-xcframework.sh && swift test --package-path bindings-swift/swift
// (`swift test` runs on the macOS host slice; an iOS simulator run uses xcodebuild test).
import PackageDescription

let package = Package(
    name: "SparrowCore",
    platforms: [.iOS(.v15), .macOS(.v12)],
    products: [
        .library(name: "SparrowCore", targets: ["SparrowCore"]),
    ],
    targets: [
        // Built by scripts/build-xcframework.sh. A release publishes the zip and its
        // checksum instead: .binaryTarget(name: "SparrowCoreFFI", url: …, checksum: …).
        .binaryTarget(name: "SparrowCoreFFI", path: "SparrowCoreFFI.xcframework"),
        .target(
            name: "SparrowCore",
            dependencies: ["SparrowCoreFFI"],
            path: "Sources/SparrowCore"
        ),
        .testTarget(
            name: "SparrowCoreTests",
            dependencies: ["SparrowCore"],
            path: "Tests/SparrowCoreTests"
        ),
    ]
)
