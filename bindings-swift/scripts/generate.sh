#!/usr/bin/env bash
# Generates the Kotlin and Swift sources from the built library with the pinned
# uniffi-bindgen (bindings-swift/uniffi-bindgen), into
#   bindings-swift/kotlin/target/generated-sources/uniffi   (Kotlin, for Maven)
#   target/uniffi/swift                                      (Swift + C header + modulemap)
# Generated code is never committed.
#
#   bash bindings-swift/scripts/generate.sh [debug|release]
set -euo pipefail
cd "$(dirname "$0")/../.."
profile="${1:-debug}"
flag=""
[ "$profile" = release ] && flag="--release"
cargo build -q $flag -p sparrow-core-uniffi -p uniffi-bindgen
lib="target/$profile/libsparrow_core_uniffi.so"
bindgen="target/$profile/uniffi-bindgen"
kotlin_out="bindings-swift/kotlin/target/generated-sources/uniffi"
rm -rf "$kotlin_out" target/uniffi/swift
"$bindgen" generate --no-format --library "$lib" --language kotlin --out-dir "$kotlin_out" >/dev/null
"$bindgen" generate --no-format --library "$lib" --language swift --out-dir target/uniffi/swift >/dev/null
echo "generated: $kotlin_out, target/uniffi/swift"
