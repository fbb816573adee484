"""The example service's tests' key store: a fresh PostgreSQL database (from the server
scripts/with-postgres.sh starts, SPARROW_PG_URL) with the api_keys table, a test pepper,
and `auth()` issuing a key into it."""

from __future__ import annotations

import os
from collections.abc import Sequence

import psycopg

import sparrow_core as sc

PEPPER_TEXT = "a test pepper of at least thirty-two bytes"
ALL_SCOPES = ("ml:classify", "ml:risk", "ml:portfolio")


def database() -> str:
    """Creates the tests' database once per process and points the app at it."""
    if "DATABASE_URL" in os.environ and os.environ.get("SPARROW_TEST_DB_READY") == "1":
        return os.environ["DATABASE_URL"]
    url = os.environ.get("SPARROW_PG_URL")
    if not url:
        raise RuntimeError("SPARROW_PG_URL is not set: run the tests through scripts/with-postgres.sh")
    name = f"sparrow_examples_{os.getpid()}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(f"CREATE DATABASE {name}")
    db_url = url.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute(sc.api_keys_migration_sql())
    os.environ.update({"DATABASE_URL": db_url, "SPARROW_API_KEY_PEPPER": PEPPER_TEXT, "SPARROW_TEST_DB_READY": "1"})
    return db_url


def store(record: dict[str, object]) -> None:
    with psycopg.connect(database()) as conn:
        conn.execute(
            "INSERT INTO api_keys (key_id, environment, client_id, digest, scopes, created_at, expires_at, revoked) "
            "VALUES (%(key_id)s, %(environment)s, %(client_id)s, %(digest)s, %(scopes)s, to_timestamp(%(created_at)s), "
            "to_timestamp(%(expires_at)s), %(revoked)s)",
            record,
        )


def auth(scopes: Sequence[str] = ALL_SCOPES, **kw: object) -> dict[str, str]:
    """Headers carrying a new key with `scopes`, stored in the tests' table."""
    database()
    key, record = sc.issue_api_key("ml-gateway", list(scopes), pepper=sc.ApiKeyPepper(PEPPER_TEXT), **kw)  # type: ignore[arg-type]
    store(record)
    return {"X-API-Key": key}
