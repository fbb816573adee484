#!/usr/bin/env bash
# Runs every test of sparrow-core, installing what the tests need on a fresh Debian
# machine (the README's test command; .ci/run runs it too).
#
#   1. cargo test --workspace: unit tests, core/tests integration tests (shared fixture
#      tables, validator.js email verdicts, error-code catalogue, proptest properties,
#      fuzz-corpus replay) and doc tests.
#   2. node --test in tools/validatorjs and tools/jwt-interop: the pinned npm `validator`
#      package still gives the email verdicts step 1 replays, and npm `jsonwebtoken`
#      still signs the tokens step 1 verifies and verifies the tokens sparrow-core issues.
#   3. The migration test on a real PostgreSQL, started on loopback for the run.
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

need_apt() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "test-all: '$1' is missing; install it (Debian package: $2)" >&2
    exit 1
  fi
  if [ -z "${APT_UPDATED:-}" ]; then apt-get update -qq; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}

command -v cargo >/dev/null || { echo "test-all: Rust (cargo) is required: https://rustup.rs" >&2; exit 1; }
command -v node >/dev/null || need_apt node nodejs
command -v npm >/dev/null || need_apt npm npm
command -v python3 >/dev/null || need_apt python3 python3

echo "== 1/3 cargo test --workspace"
cargo test --workspace

echo "== 2/3 peers on npm: validator.js email parity, jsonwebtoken interchange (pinned)"
for tool in tools/validatorjs tools/jwt-interop; do
  (cd "$tool" && npm ci --no-audit --no-fund --loglevel=error && node --test)
done

echo "== 3/3 migration on a real PostgreSQL"
scripts/with-postgres.sh cargo test -p sparrow-core --features postgres-tests --test postgres_migration
