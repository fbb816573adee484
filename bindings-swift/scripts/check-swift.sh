#!/usr/bin/env bash
# What can be checked of the Swift package on Linux (no Swift toolchain here):
#   - Swift generation from the Linux library succeeds, and two runs give the same
#     bytes (a nondeterministic generator would make every release a diff);
#   - the header and modulemap carry the names Package.swift and the XCFramework use;
#   - every function the XCTest file and examples/swift call is exported with those
#     argument labels.
# Compiling and running the Swift needs macOS (scripts/build-xcframework.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build -q -p sparrow-core-uniffi -p uniffi-bindgen
lib=target/debug/libsparrow_core_uniffi.so
a=target/uniffi/swift-check-a
b=target/uniffi/swift-check-b
rm -rf "$a" "$b"
target/debug/uniffi-bindgen generate --no-format --library "$lib" --language swift --out-dir "$a" >/dev/null
target/debug/uniffi-bindgen generate --no-format --library "$lib" --language swift --out-dir "$b" >/dev/null
diff -r "$a" "$b" >/dev/null || { echo "check-swift: two generations of the Swift differ" >&2; diff -r "$a" "$b" | head -20 >&2; exit 1; }
for f in SparrowCore.swift SparrowCoreFFI.h SparrowCoreFFI.modulemap; do
  [ -s "$a/$f" ] || { echo "check-swift: $f was not generated" >&2; exit 1; }
done
grep -q '^module SparrowCoreFFI' "$a/SparrowCoreFFI.modulemap" || { echo "check-swift: modulemap does not declare SparrowCoreFFI" >&2; exit 1; }
grep -q 'import SparrowCoreFFI' "$a/SparrowCore.swift" || { echo "check-swift: Swift does not import SparrowCoreFFI" >&2; exit 1; }
# The Swift decimal is Foundation.Decimal; the error is SparrowError.
grep -q '^public typealias ExactDecimal = Decimal$' "$a/SparrowCore.swift" || { echo "check-swift: ExactDecimal is not Foundation.Decimal" >&2; exit 1; }
grep -q '^enum SparrowError: Swift.Error' "$a/SparrowCore.swift" || { echo "check-swift: no SparrowError" >&2; exit 1; }
# Calls of the form name(label: in the Swift sources we keep must be generated functions.
missing=0
for src in bindings-swift/swift/Tests/SparrowCoreTests/*.swift examples/swift/Sources/*/*.swift; do
  for call in $(grep -oE '\b(try )?[a-z][A-Za-z]+\((([a-z][A-Za-z]*):)' "$src" | sed -E 's/^try //' | sort -u); do
    name="${call%%(*}"
    label="${call#*(}"
    label="${label%:}"
    case "$name" in XCTAssert*|print|map|reduce|joined|Decimal|Date|Locale|NSDecimalNumber|addingTimeInterval|String) continue ;; esac
    if ! grep -qE "(public func|public convenience init|public init|public static func) ?$name\($label:" "$a/SparrowCore.swift" \
       && ! grep -qE "public (static )?func $name\($label:" "$a/SparrowCore.swift"; then
      echo "check-swift: $src calls $name($label:), which the generated Swift does not export" >&2
      missing=1
    fi
  done
done
[ "$missing" = 0 ] || exit 1
echo "check-swift: generated twice, identical; $(grep -c '^public func ' "$a/SparrowCore.swift") public functions"
