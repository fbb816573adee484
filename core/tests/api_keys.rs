//! API keys: the known-answer vectors (computed with Python's zlib and hmac, not with
//! this crate), invariants for generated keys and edits, and the table on a real
//! PostgreSQL (with the `postgres-tests` feature, through scripts/with-postgres.sh).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use proptest::prelude::*;
use serde_json::Value;
use sparrow_core::api_key::*;

fn vectors() -> Vec<Value> {
    include_str!("fixtures/api_keys.jsonl")
        .lines()
        .skip(1)
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn bytes<const N: usize>(hex_text: &str) -> [u8; N] {
    hex::decode(hex_text).unwrap().try_into().unwrap()
}

#[test]
fn known_answer_vectors() {
    let v = vectors();
    assert!(v.len() >= 10);
    for row in v {
        let pepper =
            Pepper::new(&hex::decode(row["pepper_hex"].as_str().unwrap()).unwrap()).unwrap();
        let env: ApiKeyEnvironment = row["environment"].as_str().unwrap().parse().unwrap();
        let random: [u8; RANDOM_BYTES] = bytes(row["random_hex"].as_str().unwrap());
        let k = issue_api_key(
            env,
            "client",
            &["ml:risk".to_owned()],
            None,
            0,
            &pepper,
            &random,
        )
        .unwrap();
        assert_eq!(k.key.expose(), row["key"].as_str().unwrap());
        assert_eq!(k.record.key_id, row["key_id"].as_str().unwrap());
        assert_eq!(k.record.digest, row["digest"].as_str().unwrap());
        assert_eq!(api_key_digest(k.key.expose(), &pepper), k.record.digest);
        let parsed = parse_api_key(k.key.expose()).unwrap();
        assert_eq!(
            (parsed.environment, parsed.key_id.as_str()),
            (env, row["key_id"].as_str().unwrap())
        );
    }
}

fn pepper() -> Pepper {
    Pepper::new(b"a pepper of at least thirty-two bytes!!").unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Every key issued from any RNG output matches the published pattern's shape, parses,
    /// and verifies against its own record.
    #[test]
    fn issued_keys_round_trip(random in proptest::array::uniform32(any::<u8>()), extra in proptest::array::uniform10(any::<u8>()), live in any::<bool>()) {
        let mut r = [0u8; RANDOM_BYTES];
        r[..10].copy_from_slice(&extra);
        r[10..].copy_from_slice(&random);
        let env = if live { ApiKeyEnvironment::Live } else { ApiKeyEnvironment::Test };
        let k = issue_api_key(env, "c", &["ml:risk".to_owned()], Some(10), 1, &pepper(), &r).unwrap();
        let text = k.key.expose();
        prop_assert_eq!(text.len(), KEY_LEN);
        prop_assert!(text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'));
        let g = verify_api_key(text, Some(&k.record), &pepper(), 5, "ml:risk", env).unwrap();
        prop_assert_eq!(g.key_id, k.record.key_id);
    }

    /// One character changed anywhere (to any other character) is never accepted: CRC-32
    /// catches every single-character substitution, and the shape catches the rest.
    #[test]
    fn one_edit_is_refused_before_lookup(at in 0usize..KEY_LEN, with in proptest::char::any(), cut in 1usize..KEY_LEN) {
        let r: [u8; RANDOM_BYTES] = std::array::from_fn(|i| (i * 91 + 3) as u8);
        let k = issue_api_key(ApiKeyEnvironment::Live, "c", &["ml:risk".to_owned()], None, 1, &pepper(), &r).unwrap();
        let text = k.key.expose();
        let mut chars: Vec<char> = text.chars().collect();
        prop_assume!(chars[at] != with);
        chars[at] = with;
        let edited: String = chars.into_iter().collect();
        let e = parse_api_key(&edited).unwrap_err();
        prop_assert!(matches!(e.code(), "api_key_checksum" | "api_key_format"), "{}", e.code());
        let truncated = &text[..KEY_LEN - cut];
        prop_assert_eq!(parse_api_key(truncated).unwrap_err().code(), "api_key_format");
    }

    /// Any text at all: a typed refusal or a parse, never a panic; an error's message is a
    /// fixed text of at most 120 bytes, so a longer input (a key is 73) is never in it.
    #[test]
    fn any_text_is_answered(text in ".{0,300}") {
        if let Err(e) = parse_api_key(&text) {
            let m = e.to_string();
            prop_assert!(m.len() <= 120, "{}", m);
            if text.len() > 120 {
                prop_assert!(!m.contains(&text));
            }
        }
    }
}

#[test]
fn pattern_finds_keys_in_text() {
    let r = [9u8; RANDOM_BYTES];
    let k = issue_api_key(
        ApiKeyEnvironment::Test,
        "c",
        &["a".to_owned()],
        None,
        1,
        &pepper(),
        &r,
    )
    .unwrap();
    // The published pattern, checked by hand here (the crate has no regex dependency):
    // spk_, live|test, _, 14 base62, _, 49 base62.
    let t = k.key.expose();
    assert!(KEY_PATTERN.starts_with(r"\bspk_(live|test)_"));
    assert_eq!(
        t.split('_').map(str::len).collect::<Vec<_>>(),
        [3, 4, 14, 49]
    );
}

#[cfg(feature = "postgres-tests")]
#[path = "pg/mod.rs"]
mod pg;

#[cfg(feature = "postgres-tests")]
mod postgres_table {
    use super::pg::fresh_db;
    use super::*;

    #[test]
    fn the_table_keeps_its_rules() {
        let mut db = fresh_db("sparrow_api_keys");
        let sql = api_keys_migration_sql();
        db.batch_execute(&sql).unwrap();
        db.batch_execute(&sql).unwrap(); // idempotent
        let r = [5u8; RANDOM_BYTES];
        let k = issue_api_key(
            ApiKeyEnvironment::Live,
            "ml-gateway",
            &["ml:risk".to_owned(), "ml:portfolio".to_owned()],
            Some(2_000_000_000),
            1_800_000_000,
            &pepper(),
            &r,
        )
        .unwrap();
        let rec = &k.record;
        let insert = "INSERT INTO api_keys (key_id, environment, client_id, digest, scopes, created_at, expires_at, revoked) \
                      VALUES ($1, $2, $3, $4, $5, to_timestamp($6), to_timestamp($7), $8)";
        let created = rec.created_at as f64;
        let expires = rec.expires_at.map(|e| e as f64);
        let mut row =
            |id: &str, env: &str, digest: &str, scopes: &[String], expires: Option<f64>| {
                db.execute(
                    insert,
                    &[
                        &id,
                        &env,
                        &rec.client_id,
                        &digest,
                        &scopes,
                        &created,
                        &expires,
                        &rec.revoked,
                    ],
                )
            };
        row(
            &rec.key_id,
            rec.environment.as_str(),
            &rec.digest,
            &rec.scopes,
            expires,
        )
        .unwrap();
        // The unique index: the same key id twice is refused.
        assert!(row(&rec.key_id, "live", &rec.digest, &rec.scopes, expires).is_err());
        // CHECKs: a digest that is not hex, an empty scope list, an unknown environment,
        // an expiry before creation.
        let other = "ABCDEFGHIJKLMN";
        assert!(row(other, "live", "XYZ", &rec.scopes, expires).is_err());
        assert!(row(other, "live", &rec.digest, &[], expires).is_err());
        assert!(row(other, "prod", &rec.digest, &rec.scopes, expires).is_err());
        assert!(row(other, "live", &rec.digest, &rec.scopes, Some(created - 1.0)).is_err());
        // The same row with a valid id is accepted: each refusal above is its one fault.
        row(other, "live", &rec.digest, &rec.scopes, expires).unwrap();
        // Read back and verify: the record from the table checks the presented key.
        let row = db.query_one("SELECT key_id, environment, client_id, digest, scopes, extract(epoch from created_at)::bigint, \
                                extract(epoch from expires_at)::bigint, revoked FROM api_keys WHERE key_id = $1", &[&rec.key_id]).unwrap();
        let stored = ApiKeyRecord {
            key_id: row.get(0),
            environment: row.get::<_, String>(1).parse().unwrap(),
            client_id: row.get(2),
            digest: row.get(3),
            scopes: row.get(4),
            created_at: row.get(5),
            expires_at: row.get(6),
            revoked: row.get(7),
        };
        assert_eq!(&stored, rec);
        let grant = verify_api_key(
            k.key.expose(),
            Some(&stored),
            &pepper(),
            1_900_000_000,
            "ml:portfolio",
            ApiKeyEnvironment::Live,
        )
        .unwrap();
        assert_eq!(grant.client_id, "ml-gateway");
    }
}
