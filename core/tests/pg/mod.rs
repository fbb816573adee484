//! A fresh database on the throw-away PostgreSQL of scripts/with-postgres.sh
//! (`SPARROW_PG_URL`), one per test so tests can run in parallel.

use postgres::{Client, NoTls};

pub fn fresh_db(name: &str) -> Client {
    let url = std::env::var("SPARROW_PG_URL")
        .expect("SPARROW_PG_URL is not set: run this test through scripts/with-postgres.sh");
    let mut admin = Client::connect(&url, NoTls).expect("connect to PostgreSQL");
    admin
        .batch_execute(&format!("DROP DATABASE IF EXISTS {name}"))
        .unwrap();
    admin
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .unwrap();
    let db_url = match url.rsplit_once('/') {
        Some((base, _)) => format!("{base}/{name}"),
        None => panic!("SPARROW_PG_URL has no database part"),
    };
    Client::connect(&db_url, NoTls).unwrap()
}
