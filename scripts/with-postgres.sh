#!/usr/bin/env bash
# Runs a command with a private, throw-away PostgreSQL cluster on loopback.
#
#   scripts/with-postgres.sh cargo test -p sparrow-core --features postgres-tests --test postgres_migration
#
# Installs Debian's postgresql package if no server is present (needs root), creates a
# cluster in a temporary directory (as the postgres user when run as root: initdb and
# postgres refuse to run as root), starts it on 127.0.0.1 at a free port with its socket
# in that directory, exports SPARROW_PG_URL, runs the command, then stops the server and
# removes the directory whatever the command's outcome.
set -euo pipefail

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

PGBIN=$(pg_bin)
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "with-postgres: no PostgreSQL server found; install Debian's postgresql package" >&2
    exit 1
  fi
  echo "with-postgres: installing PostgreSQL (Debian package)" >&2
  apt-get update -qq
  # Keep the package from starting a cluster of its own.
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  rm -f /usr/sbin/policy-rc.d
  PGBIN=$(pg_bin)
fi

DIR=$(mktemp -d /tmp/sparrow-pg.XXXXXX)
RUN=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres:postgres "$DIR"
  RUN=(runuser -u postgres --)
fi
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

cleanup() {
  (cd "$DIR" && "${RUN[@]}" "$PGBIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1) || true
  rm -rf "$DIR"
}
trap cleanup EXIT

(cd "$DIR" && "${RUN[@]}" "$PGBIN/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --no-sync >/dev/null)
(cd "$DIR" && "${RUN[@]}" "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c max_connections=40" start >/dev/null) || {
  cat "$DIR/server.log" >&2
  exit 1
}
echo "with-postgres: PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT" >&2

export SPARROW_PG_URL="postgresql://postgres@127.0.0.1:$PORT/postgres"
"$@"
