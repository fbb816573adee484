#!/usr/bin/env bash
# Per-call cost of the Kotlin package through JNA beside the same calls in Rust, in one
# run, on release builds (a benchmark, not a test): prints a Markdown table of medians
# of three rounds.
#
#   bash bindings-swift/scripts/bench-kotlin.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build -q --release -p sparrow-benches --bin mobile-timing
bash bindings-swift/scripts/generate.sh release
cd bindings-swift/kotlin
mvn -B -q --no-transfer-progress test-compile exec:java -Dsparrow.lib.dir="$PWD/../../target/release"
