#!/usr/bin/env bash
# Runs every test of sparrow-core, installing what the tests need on a fresh Debian
# machine (the README's test command; .ci/run runs it too).
#
#   1. cargo test --workspace: unit tests, core/tests integration tests (shared fixture
#      tables, validator.js email verdicts, error-code catalogue, proptest properties,
#      fuzz-corpus replay) and doc tests.
#   2. node --test in tools/validatorjs, tools/jwt-interop and tools/dotenv-diff: the
#      pinned npm `validator` package still gives the email verdicts step 1 replays, npm
#      `jsonwebtoken` still signs the tokens step 1 verifies and verifies the tokens
#      sparrow-core issues, and npm `dotenv` still reads the .env corpus as recorded.
#   3. The migration test on a real PostgreSQL, started on loopback for the run.
#   4. The Node package: built from bindings-node/ with npm ci and @napi-rs/cli (debug),
#      the committed index.js / index.d.ts checked against the fresh build, then
#      node --test (fixture tables, every error code, hostile input, the libuv pool,
#      CJS/ESM, peers' tokens and hashes) and tsc --noEmit on a typed test file; then
#      the NestJS example (examples/node) driven over HTTP on a real PostgreSQL.
#   5. The Swift/Kotlin packages (bindings-swift/): the Swift source generated twice from
#      the Linux library and checked (scripts/check-swift.sh; compiling Swift needs
#      macOS), then the generated Kotlin compiled with Maven and tested with JUnit on the
#      JVM (scripts/test-kotlin.sh: fixture tables, every reachable code, BigDecimal
#      round trips, hostile input, threads, tokens against the JDK's HMAC and npm
#      jsonwebtoken from step 2).
#   6. The Python package: built from bindings-python/ with pip (maturin) into a venv,
#      then pytest (the shared fixture tables, error paths, hostile input, GIL,
#      PyJWT/argon2-cffi/bcrypt interop, python-dotenv's readings of the .env corpus, the
#      Arrow batch functions against the record functions, pyarrow and polars inputs), the
#      FastAPI example's tests, the engine examples (Apache Spark local[2] mapInArrow and a
#      Dask LocalCluster of two worker processes, on 127.0.0.1, equal to one process), mypy
#      --strict on tests and examples, and mypy's stubtest on the installed package.
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

echo "== 1/6 cargo test --workspace"
cargo test --workspace

echo "== 2/6 peers on npm: validator.js email parity, jsonwebtoken interchange, dotenv readings (pinned)"
for tool in tools/validatorjs tools/jwt-interop tools/dotenv-diff; do
  (cd "$tool" && npm ci --no-audit --no-fund --loglevel=error && node --test)
done

echo "== 3/6 migrations on a real PostgreSQL (the Prisma tables, the api_keys table)"
scripts/with-postgres.sh cargo test -p sparrow-core --features postgres-tests --test postgres_migration --test api_keys

echo "== 4/6 Node package: npm ci, napi build, drift check of index.js/index.d.ts, node --test, tsc"
(
  cd bindings-node
  npm ci --no-audit --no-fund --loglevel=error
  npm run build:debug
  # The generated loader and typings are committed: a fresh build must not change them.
  git diff --exit-code -- index.js index.d.ts || {
    echo "test-all: bindings-node/index.js or index.d.ts differ from a fresh build; run npm run build:debug and commit them" >&2
    exit 1
  }
  node --test
  npm run typecheck
)
# The NestJS example (examples/node) over HTTP on loopback, on a real PostgreSQL.
(cd examples/node && npm ci --no-audit --no-fund --loglevel=error && npm run build)
scripts/with-postgres.sh bash -c 'cd examples/node && node --test build/test/'
# napi builds in its own tree (it always passes --target); on CI nothing needs it after
# this step, and the machine's free disk varies, so it goes.
if [ "${CI:-}" = true ]; then
  rm -rf "target/$(rustc -vV | sed -n 's/^host: //p')"
fi

echo "== 5/6 Swift/Kotlin packages: Swift generation check, Kotlin on the JVM (Maven, JUnit)"
command -v javac >/dev/null || need_apt javac openjdk-17-jdk-headless
command -v mvn >/dev/null || need_apt mvn maven
bash bindings-swift/scripts/check-swift.sh
bash bindings-swift/scripts/test-kotlin.sh

echo "== 6/6 Python package: pip install ./bindings-python, pytest, mypy --strict, stubtest"
python3 -c "import venv, ensurepip" 2>/dev/null || need_apt python3-venv python3-venv
VENV="$PWD/target/python-venv"
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r bindings-python/requirements-test.txt
PATH="$VENV/bin:$PATH" "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-build-isolation ./bindings-python
(cd bindings-python && "$VENV/bin/python" -m pytest -q -p no:cacheprovider)
# The example service keeps its API keys in PostgreSQL: its tests get a throw-away server.
scripts/with-postgres.sh bash -c "cd examples/python && \"$VENV/bin/python\" -m pytest -q -p no:cacheprovider"
(cd bindings-python && "$VENV/bin/python" -m mypy --strict --no-incremental tests)
(cd examples/python && "$VENV/bin/python" -m mypy --strict --no-incremental app.py test_app.py test_http_parity.py engines.py test_engines.py keys_for_tests.py)
(cd bindings-python && "$VENV/bin/python" -m mypy.stubtest sparrow_core --allowlist stubtest-allowlist.txt)

echo "== API keys across runtimes: issued by the NestJS example (Node), admitted by the FastAPI example (Python)"
scripts/with-postgres.sh bash -c "cd examples/node && SPARROW_PYTHON=\"$VENV/bin/python\" node --test build/interop/"
