//! `migration_sql()` on a real PostgreSQL, with the tables as Prisma creates them today.
//!
//! Needs a server: run through `scripts/with-postgres.sh`, which starts a private
//! cluster on loopback and sets `SPARROW_PG_URL` (the README's test command does this).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests fail loudly by design
#![cfg(feature = "postgres-tests")]

use postgres::Client;
use serde_json::json;
use sparrow_core::migration_sql;
use sparrow_core::profile::{validate_profile, ValidationMode};

const TABLES: &str = include_str!("fixtures/prisma_tables.sql");

#[path = "pg/mod.rs"]
mod pg;

/// A fresh database with the tables as Prisma creates them.
fn fresh_db(name: &str) -> Client {
    let mut client = pg::fresh_db(name);
    client.batch_execute(TABLES).unwrap();
    client
}

fn column_type(client: &mut Client, table: &str, column: &str) -> String {
    let row = client
        .query_one(
            "SELECT data_type || coalesce('(' || numeric_precision || ',' || numeric_scale || ')', '') \
             FROM information_schema.columns WHERE table_name = $1 AND column_name = $2",
            &[&table, &column],
        )
        .unwrap();
    row.get(0)
}

fn text(client: &mut Client, sql: &str) -> Vec<String> {
    client
        .query(sql, &[])
        .unwrap()
        .iter()
        .map(|r| r.get::<_, String>(0))
        .collect()
}

#[test]
fn rounds_existing_float_values_half_away_from_zero() {
    let mut db = fresh_db("sparrow_rounding");
    db.batch_execute(
        r#"
        INSERT INTO user_profiles ("id","userId","name","age","horizonYears","targetAmount","monthlySip","lumpSum","updatedAt") VALUES
          ('p1','u1','A',18,40,1234.565,0.125,2.675,now()),
          ('p2','u2','B',100,1,999999999999.99,0.005,0.001,now()),
          ('p3','u3','C',NULL,NULL,NULL,25000,NULL,now());
        INSERT INTO user_portfolio_snapshots ("id","userId","snapshotDate","totalValue") VALUES
          ('s1','u1','2026-01-01',1000000.015), ('s2','u1','2026-01-02',NULL);
        INSERT INTO allocation_components ("id","strategyId","label","allocationPercent") VALUES
          ('c1','st','Debt Funds',33.333), ('c2','st','Equity Funds',99.995), ('c3','st','Gold',12.5);
        INSERT INTO risk_constraints ("id","strategyId","constraintType","constraintValue") VALUES
          ('r1','st','max_equity',35), ('r2','st','max_volatility',12.34565), ('r3','st','acceptable_risk_score',55.00005);
        "#,
    )
    .unwrap();

    db.batch_execute(&migration_sql()).unwrap();

    assert_eq!(
        column_type(&mut db, "user_profiles", "targetAmount"),
        "numeric(14,2)"
    );
    assert_eq!(
        column_type(&mut db, "allocation_components", "allocationPercent"),
        "numeric(5,2)"
    );
    assert_eq!(
        column_type(&mut db, "risk_constraints", "constraintValue"),
        "numeric(10,4)"
    );
    assert_eq!(
        column_type(&mut db, "user_portfolio_snapshots", "totalValue"),
        "numeric(14,2)"
    );

    assert_eq!(
        text(
            &mut db,
            r#"SELECT concat_ws('|', "targetAmount", "monthlySip", "lumpSum") FROM user_profiles ORDER BY id"#
        ),
        ["1234.57|0.13|2.68", "999999999999.99|0.01|0.00", "25000.00"]
    );
    assert_eq!(
        text(
            &mut db,
            r#"SELECT coalesce("totalValue"::text, 'null') FROM user_portfolio_snapshots ORDER BY id"#
        ),
        ["1000000.02", "null"]
    );
    assert_eq!(
        text(
            &mut db,
            r#"SELECT "allocationPercent"::text FROM allocation_components ORDER BY id"#
        ),
        ["33.33", "100.00", "12.50"]
    );
    assert_eq!(
        text(
            &mut db,
            r#"SELECT "constraintValue"::text FROM risk_constraints ORDER BY id"#
        ),
        ["35.0000", "12.3457", "55.0001"]
    );
    let index = text(
        &mut db,
        "SELECT indexdef FROM pg_indexes WHERE indexname = 'user_profiles_assignedPersonaId_idx'",
    );
    assert_eq!(index.len(), 1);
    assert!(index[0].contains("(\"assignedPersonaId\")"), "{index:?}");
    let checks = text(
        &mut db,
        "SELECT conname::text FROM pg_constraint WHERE contype = 'c' AND conrelid <> 0 ORDER BY conname",
    );
    assert_eq!(checks.len(), 8, "{checks:?}");
}

#[test]
fn precheck_refuses_rows_that_would_break_the_rules_and_changes_nothing() {
    let mut db = fresh_db("sparrow_precheck");
    db.batch_execute(
        r#"
        INSERT INTO user_profiles ("id","userId","name","age","horizonYears","targetAmount","monthlySip","lumpSum","updatedAt") VALUES
          ('ok1','u1','A',30,10,100,100,100,now()),
          ('bad-age','u2','B',17,10,NULL,NULL,NULL,now()),
          ('bad-horizon','u3','C',30,41,NULL,NULL,NULL,now()),
          ('bad-negative','u4','D',30,10,-0.01,NULL,NULL,now()),
          ('bad-nan','u5','E',30,10,NULL,'NaN',NULL,now()),
          ('bad-inf','u6','F',30,10,NULL,NULL,'Infinity',now()),
          ('bad-rounds-over','u7','G',30,10,999999999999.995,NULL,NULL,now());
        INSERT INTO allocation_components ("id","strategyId","label","allocationPercent") VALUES
          ('ok-c','st','Debt',100.004), ('bad-c','st','Equity',100.005);
        INSERT INTO risk_constraints ("id","strategyId","constraintType","constraintValue") VALUES
          ('ok-r','st','max_equity',35), ('bad-type','st','max_beta',1), ('bad-value','st','min_debt',150);
        "#,
    )
    .unwrap();

    let err = db.batch_execute(&migration_sql()).unwrap_err();
    let db_err = err.as_db_error().expect("a database error");
    assert_eq!(db_err.code().code(), "23514", "{db_err:?}");
    let message = db_err.message();
    assert!(message.contains("9 row(s)"), "{message}");
    for id in [
        "bad-age",
        "bad-horizon",
        "bad-negative",
        "bad-nan",
        "bad-inf",
        "bad-rounds-over",
        "bad-c",
        "bad-type",
        "bad-value",
    ] {
        assert!(
            message.contains(&format!("id={id}")),
            "{id} missing from: {message}"
        );
    }
    for id in ["ok1", "ok-c", "ok-r"] {
        assert!(
            !message.contains(&format!("id={id};")) && !message.ends_with(&format!("id={id}")),
            "{message}"
        );
    }

    // The transaction was rolled back: nothing changed.
    db.batch_execute("ROLLBACK").ok();
    assert_eq!(
        column_type(&mut db, "user_profiles", "targetAmount"),
        "double precision"
    );
    assert_eq!(
        column_type(&mut db, "allocation_components", "allocationPercent"),
        "double precision"
    );
    let n: i64 = db
        .query_one("SELECT count(*) FROM user_profiles", &[])
        .unwrap()
        .get(0);
    assert_eq!(n, 7);
    let constraints: i64 = db
        .query_one(
            "SELECT count(*) FROM pg_constraint WHERE contype = 'c' AND conrelid <> 0",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(constraints, 0);
}

/// A small deterministic generator (xorshift64*), so the row set is the same every run.
struct Rng(u64);

impl Rng {
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let r = self.0.wrapping_mul(0x2545_f491_4f6c_dd1d);
        &items[(r >> 33) as usize % items.len()]
    }
}

#[test]
fn database_and_validate_profile_accept_and_reject_the_same_rows() {
    let mut db = fresh_db("sparrow_agreement");
    db.batch_execute(&migration_sql()).unwrap();

    let ages: &[i32] = &[-5, 0, 17, 18, 19, 35, 54, 55, 99, 100, 101, 150];
    let horizons: &[i32] = &[-1, 0, 1, 2, 10, 39, 40, 41, 100];
    let amounts: &[Option<&str>] = &[
        None,
        Some("0.00"),
        Some("0.01"),
        Some("-0.01"),
        Some("-25000.00"),
        Some("25000.00"),
        Some("12345.67"),
        Some("999999999999.98"),
        Some("999999999999.99"),
        Some("1000000000000.00"),
    ];
    let insert = db
        .prepare(
            r#"INSERT INTO user_profiles ("id","userId","name","age","horizonYears","targetAmount","monthlySip","lumpSum","updatedAt")
               VALUES ($1, $1, 'generated', $2, $3, $4::text::numeric, $5::text::numeric, $6::text::numeric, now())"#,
        )
        .unwrap();

    let mut rng = Rng(0x5eed_5a77_0c0f_fee5);
    let (mut accepted, mut rejected) = (0, 0);
    let mut disagreements = Vec::new();
    for i in 0..400 {
        let age = *rng.pick(ages);
        let horizon = *rng.pick(horizons);
        let [target, sip, lump] = [*rng.pick(amounts), *rng.pick(amounts), *rng.pick(amounts)];
        let profile = json!({
            "age": age, "horizon_years": horizon,
            "target_amount": target, "monthly_sip": sip, "lump_sum": lump,
        });
        let rust_ok = validate_profile(&profile, ValidationMode::Strict).is_ok();
        let id = format!("row-{i}");
        let db_result = db.execute(&insert, &[&id, &age, &horizon, &target, &sip, &lump]);
        if let Err(e) = &db_result {
            let code = e.code().map(|c| c.code().to_owned()).unwrap_or_default();
            // 23514 check_violation; 22003 numeric_value_out_of_range (beyond DECIMAL(14,2)).
            assert!(code == "23514" || code == "22003", "unexpected error {e:?}");
        }
        let db_ok = db_result.is_ok();
        if db_ok {
            accepted += 1;
        } else {
            rejected += 1;
        }
        if db_ok != rust_ok {
            disagreements.push(format!(
                "{profile}: database {db_ok}, validate_profile {rust_ok}"
            ));
        }
    }
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
    assert!(
        accepted >= 20 && rejected >= 100,
        "accepted {accepted}, rejected {rejected}"
    );
    eprintln!("400 generated rows: {accepted} accepted and {rejected} rejected by both");
}
