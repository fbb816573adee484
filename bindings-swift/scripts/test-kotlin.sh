#!/usr/bin/env bash
# The Kotlin/JVM package: builds the library (debug), generates the Kotlin sources
# with the pinned uniffi-bindgen, then compiles and runs the JUnit tests with Maven
# (Surefire points jna.library.path at target/debug).
#
#   bash bindings-swift/scripts/test-kotlin.sh [extra mvn args]
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v mvn >/dev/null || { echo "test-kotlin: Maven (mvn) and a JDK 17 are required" >&2; exit 1; }
bash bindings-swift/scripts/generate.sh debug
cd bindings-swift/kotlin
mvn -B --no-transfer-progress test "$@"
