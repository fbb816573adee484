// swift-tools-version:5.9
// A command-line tour of the Swift package (money, validation, personas, tokens).
// NOT BUILT ON THIS PROJECT'S MACHINES (no Swift toolchain). On macOS:
//   bash bindings-swift/scripts/build-xcframework.sh && swift run --package-path examples/swift
import PackageDescription

let package = Package(
    name: "SparrowTour",
    platforms: [.macOS(.v12)],
    dependencies: [.package(path: "../../bindings-swift/swift")],
    targets: [
        .executableTarget(
            name: "Tour",
            dependencies: [.product(name: "SparrowCore", package: "swift")],
            path: "Sources/Tour"
        ),
    ]
)
