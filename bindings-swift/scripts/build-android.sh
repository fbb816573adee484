#!/usr/bin/env bash
# Builds the Android library: libsparrow_core_uniffi.so for arm64-v8a, armeabi-v7a and
# x86_64 with cargo-ndk, the Kotlin generated for Android (uniffi's Android cleaner),
# then the AAR with Gradle (bindings-swift/android, depending on jna@aar).
#
# Needs the Android NDK (ANDROID_NDK_HOME) and SDK, and Gradle. NOT RUN ON THIS
# PROJECT'S MACHINES (no Android SDK): what is checked here is the same generated
# Kotlin compiled and tested on the JVM (scripts/test-kotlin.sh).
#
#   bash bindings-swift/scripts/build-android.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -n "${ANDROID_NDK_HOME:-}" ] || { echo "build-android: set ANDROID_NDK_HOME to an Android NDK" >&2; exit 1; }
command -v cargo-ndk >/dev/null || cargo install cargo-ndk --locked
rustup target add aarch64-linux-android armv7-linux-androideabi x86_64-linux-android
android=bindings-swift/android
cargo ndk -t arm64-v8a -t armeabi-v7a -t x86_64 -o "$android/src/main/jniLibs" \
  build --release -p sparrow-core-uniffi
cargo build -q --release -p sparrow-core-uniffi -p uniffi-bindgen
rm -rf "$android/build/generated/uniffi"
# The host library carries the same metadata (exports are not cfg-gated); the Android
# cleaner replaces java.lang.ref.Cleaner, which older Android lacks.
target/release/uniffi-bindgen generate --no-format --library target/release/libsparrow_core_uniffi.so \
  --language kotlin --config <(sed 's/^kotlin_target_version = .*/&\nandroid = true/' bindings-swift/uniffi.toml) \
  --out-dir "$android/build/generated/uniffi"
mkdir -p "$android/build/generated/uniffi/com/sparrowinvest/core"
cp bindings-swift/kotlin/src/main/kotlin/com/sparrowinvest/core/ErrorCode.kt "$android/build/generated/uniffi/com/sparrowinvest/core/"
(cd "$android" && gradle --no-daemon assembleRelease)
echo "AAR: $android/build/outputs/aar/"
