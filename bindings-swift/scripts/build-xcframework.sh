#!/usr/bin/env bash
# Builds SparrowCoreFFI.xcframework (static libraries for iOS devices and simulators,
# and the macOS host for `swift test`), copies the generated Swift into the package,
# and zips the framework with its SwiftPM checksum.
#
# Needs macOS with Xcode 15+ and rustup. NOT RUN ON THIS PROJECT'S MACHINES (Linux, no
# Xcode): what is checked here is the generated Swift source (scripts/check-swift.sh).
#
#   bash bindings-swift/scripts/build-xcframework.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
[ "$(uname -s)" = Darwin ] || { echo "build-xcframework: needs macOS with Xcode" >&2; exit 1; }
command -v xcodebuild >/dev/null || { echo "build-xcframework: xcodebuild not found (install Xcode)" >&2; exit 1; }

targets=(aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios aarch64-apple-darwin x86_64-apple-darwin)
rustup target add "${targets[@]}"
for t in "${targets[@]}"; do
  cargo build --release -p sparrow-core-uniffi --target "$t"
done
lib=libsparrow_core_uniffi.a
out=target/xcframework
rm -rf "$out" && mkdir -p "$out/headers" "$out/ios-sim" "$out/macos"

# Swift, the C header and the modulemap, from the host library (library mode reads the
# metadata the same on every target; exports are not cfg-gated).
cargo build --release -p uniffi-bindgen
target/release/uniffi-bindgen generate --no-format --library "target/aarch64-apple-darwin/release/$lib" \
  --language swift --out-dir "$out/gen"
cp "$out/gen/SparrowCoreFFI.h" "$out/headers/"
# An XCFramework's headers need the modulemap under this exact name.
cp "$out/gen/SparrowCoreFFI.modulemap" "$out/headers/module.modulemap"
cp "$out/gen/SparrowCore.swift" bindings-swift/swift/Sources/SparrowCore/SparrowCore.swift

# The two simulator slices, and the two macOS slices, joined into fat libraries.
lipo -create "target/aarch64-apple-ios-sim/release/$lib" "target/x86_64-apple-ios/release/$lib" -output "$out/ios-sim/$lib"
lipo -create "target/aarch64-apple-darwin/release/$lib" "target/x86_64-apple-darwin/release/$lib" -output "$out/macos/$lib"

fw=bindings-swift/swift/SparrowCoreFFI.xcframework
rm -rf "$fw"
xcodebuild -create-xcframework \
  -library "target/aarch64-apple-ios/release/$lib" -headers "$out/headers" \
  -library "$out/ios-sim/$lib" -headers "$out/headers" \
  -library "$out/macos/$lib" -headers "$out/headers" \
  -output "$fw"

(cd bindings-swift/swift && rm -f SparrowCoreFFI.xcframework.zip && zip -qry SparrowCoreFFI.xcframework.zip SparrowCoreFFI.xcframework)
echo "checksum (for .binaryTarget(url:checksum:)): $(swift package compute-checksum bindings-swift/swift/SparrowCoreFFI.xcframework.zip)"
