//! Criterion benchmarks of sparrow-core's hot paths.
//!
//! Run with `cargo bench -p sparrow-benches` (release build). The issue targets are
//! noted beside each group; the closing notes report measured figures.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use rust_decimal::Decimal;
use serde_json::json;
use sparrow_core::identity::*;
use sparrow_core::money::*;
use sparrow_core::profile::{validate_profile, validate_profile_json, ValidationMode};

fn money(c: &mut Criterion) {
    let mut g = c.benchmark_group("money");
    // Target: parse ≤ 100 ns.
    g.bench_function("parse_money/₹1,23,456.78", |b| {
        b.iter(|| parse_money(black_box("₹1,23,456.78")))
    });
    g.bench_function("parse_money/1.2 lakh", |b| {
        b.iter(|| parse_money(black_box("1.2 lakh")))
    });
    g.bench_function("parse_money/25000", |b| {
        b.iter(|| parse_money(black_box("25000")))
    });
    g.bench_function("parse_money_lenient/Rs. 500/-", |b| {
        b.iter(|| parse_money_with(black_box("Rs. 500/-"), ParseMode::Lenient))
    });
    g.bench_function("Money::from_str/123456.78", |b| {
        b.iter(|| black_box("123456.78").parse::<Money>())
    });
    // Target: Indian format ≤ 100 ns.
    let m = Money::from_paise(1_234_567_890).unwrap();
    g.bench_function("format_inr", |b| b.iter(|| format_inr(black_box(m))));
    g.bench_function("format_compact", |b| {
        b.iter(|| format_compact(black_box(m)))
    });
    // Target: allocate over 10 weights ≤ 1 µs.
    let weights: Vec<Decimal> = [
        "12.5", "7.5", "10", "10", "15", "5", "20", "8.25", "6.75", "5",
    ]
    .iter()
    .map(|w| w.parse().unwrap())
    .collect();
    let amount = Money::from_paise(2_500_000).unwrap();
    g.bench_function("allocate/10 weights", |b| {
        b.iter(|| allocate(black_box(amount), black_box(&weights)))
    });
    let nav: Nav = "123.4567".parse().unwrap();
    g.bench_function("units_for", |b| {
        b.iter(|| units_for(black_box(amount), black_box(nav)))
    });
    g.finish();
}

fn identity(c: &mut Criterion) {
    let mut g = c.benchmark_group("identity");
    // Target: validate_pan ≤ 30 ns.
    g.bench_function("validate_pan", |b| {
        b.iter(|| validate_pan(black_box("ABCPE1234F")))
    });
    g.bench_function("validate_ifsc", |b| {
        b.iter(|| validate_ifsc(black_box("HDFC0001234")))
    });
    g.bench_function("validate_mobile", |b| {
        b.iter(|| validate_mobile(black_box("+91 98765 43210")))
    });
    // Target: validate_email ≤ 150 ns.
    g.bench_function("validate_email", |b| {
        b.iter(|| validate_email(black_box("ravi.kumar@sparrowinvest.com")))
    });
    g.bench_function("validate_pincode", |b| {
        b.iter(|| validate_pincode(black_box("560001")))
    });
    g.bench_function("validate_aadhaar", |b| {
        b.iter(|| validate_aadhaar(black_box("2345 6789 0124")))
    });
    g.finish();
}

fn profile(c: &mut Criterion) {
    let mut g = c.benchmark_group("profile");
    let input = json!({
        "age": 35, "horizon_years": 8, "risk_tolerance": "Aggressive", "volatility": "High",
        "liquidity": "Low", "knowledge": "Advanced", "goal": "Retirement",
        "target_amount": "10000000", "monthly_sip": 25000.5, "lump_sum": 0, "target_year": 2045
    });
    // Target: validate_profile ≤ 1 µs.
    g.bench_function("validate_profile/full", |b| {
        b.iter(|| validate_profile(black_box(&input), ValidationMode::Strict))
    });
    let minimal = json!({"age": 35, "horizon_years": 8});
    g.bench_function("validate_profile/minimal", |b| {
        b.iter(|| validate_profile(black_box(&minimal), ValidationMode::Strict))
    });
    let text = input.to_string();
    g.bench_function("validate_profile_json/full", |b| {
        b.iter(|| validate_profile_json(black_box(&text), ValidationMode::Strict))
    });
    g.finish();
}

fn auth(c: &mut Criterion) {
    use sparrow_core::access::{authorize, Role};
    use sparrow_core::jwt::*;
    use sparrow_core::password::*;

    let mut g = c.benchmark_group("auth");
    g.sample_size(20);
    let hasher = PasswordHasher::default();
    // Target (issue 5, Python): no slower than the fastest argon2 peer, about 9 ms.
    g.bench_function("hash_password/argon2id m=19456 t=2 p=1", |b| {
        b.iter(|| hasher.hash_password(black_box("correct horse battery staple")))
    });
    let stored = hasher
        .hash_password("correct horse battery staple")
        .unwrap();
    g.bench_function("verify_password/argon2id owasp", |b| {
        b.iter(|| hasher.verify_password(black_box("correct horse battery staple"), &stored))
    });
    let bcrypt10 = "$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy";
    g.bench_function("verify_password/bcrypt cost 10", |b| {
        b.iter(|| hasher.verify_password(black_box("password"), bcrypt10))
    });
    g.sample_size(100);
    for (name, policy) in [
        ("seed", PasswordPolicy::seed()),
        ("recommended", PasswordPolicy::recommended()),
        ("nist", PasswordPolicy::nist()),
    ] {
        g.bench_function(format!("check_password/{name}"), |b| {
            b.iter(|| {
                check_password(
                    black_box("Monsoon#Kerala 2019!"),
                    &policy,
                    &["ravi@example.com"],
                )
            })
        });
    }
    let ring = Keyring::new("k1", b"3Xy1ayYgQqDO-B8AD9yFLldY8XTEICtbj_W-tA933G4").unwrap();
    let subject = TokenSubject {
        sub: "6f1c2a3e-0d4b-4c9a-9f1e-2b3c4d5e6f70".into(),
        email: "ravi@example.com".into(),
        role: "investor".into(),
        ..TokenSubject::default()
    };
    let now = 1_767_225_600;
    let token = issue_token(&subject, &ring, &"7d".into(), now, &IssueOptions::default()).unwrap();
    // Target (issue 5, Python): verify_token at least 5× PyJWT.
    g.bench_function("verify_token", |b| {
        b.iter(|| {
            verify_token(
                black_box(&token),
                &ring,
                now + 60,
                &VerifyOptions::default(),
            )
        })
    });
    g.bench_function("issue_token", |b| {
        b.iter(|| {
            issue_token(
                black_box(&subject),
                &ring,
                &"7d".into(),
                now,
                &IssueOptions::default(),
            )
        })
    });
    g.bench_function("parse_duration/7d", |b| {
        b.iter(|| parse_duration(black_box("7d")))
    });
    let pages = vec!["clients".to_string()];
    g.bench_function("authorize/fa_staff page", |b| {
        b.iter(|| {
            authorize(
                black_box("fa_staff"),
                &[Role::FaStaff],
                Some("clients"),
                Some(&pages),
            )
        })
    });
    g.finish();
}

fn personas_and_risk(c: &mut Criterion) {
    use criterion::Throughput;
    use sparrow_core::allocation::*;
    use sparrow_core::persona::*;
    use sparrow_core::risk::*;

    let profiles = synthetic_profiles(10_000, 1).unwrap();
    let one = profiles.first().cloned().unwrap();
    c.bench_function("persona/classify_blended", |b| {
        b.iter(|| black_box(classify_blended(black_box(&one))))
    });
    c.bench_function("persona/classify", |b| {
        b.iter(|| black_box(classify(black_box(&one))))
    });
    let mut g = c.benchmark_group("persona/classify_blended_many");
    g.throughput(Throughput::Elements(profiles.len() as u64));
    g.bench_function("10k", |b| {
        b.iter(|| black_box(classify_blended_many(black_box(&profiles))))
    });
    g.finish();

    let slot = |id: &str, w: &str| FundSlot {
        id: id.into(),
        weight: w.parse().unwrap(),
        min_amount: Money::from_rupees(500).unwrap(),
        multiple: Money::from_rupees(100).unwrap(),
    };
    let funds = [
        slot("equity", "32.65"),
        slot("debt", "38.82"),
        slot("hybrid", "13.53"),
        slot("gold", "3.53"),
        slot("intl", "3.53"),
        slot("liquid", "7.94"),
    ];
    let sip = Money::from_rupees(25_000).unwrap();
    c.bench_function("allocation/split_amount 6 funds", |b| {
        b.iter(|| black_box(split_amount(black_box(sip), black_box(&funds)).unwrap()))
    });
    let holdings: Vec<Position> = (0..10)
        .map(|i| Position {
            id: format!("f{i}"),
            value: Money::from_rupees(10_000 + 1_000 * i).unwrap(),
        })
        .collect();
    let target: Vec<(String, Percent)> = (0..10)
        .map(|i| (format!("f{i}"), Percent::from_minor(1_000).unwrap()))
        .collect();
    let options = RebalanceOptions {
        new_money: Money::from_rupees(5_000).unwrap(),
        ..RebalanceOptions::default()
    };
    c.bench_function("allocation/rebalance 10 funds", |b| {
        b.iter(|| black_box(rebalance(black_box(&holdings), black_box(&target), options).unwrap()))
    });
    let portfolio: Vec<Fund> = [
        ("Large Cap", "0.30", "14"),
        ("Mid Cap", "0.20", "19"),
        ("Gilt", "0.25", "4"),
        ("Liquid", "0.15", "1"),
        ("Gold ETF", "0.10", "12"),
    ]
    .iter()
    .enumerate()
    .map(|(i, (cat, w, v))| Fund {
        scheme_name: format!("Fund number {i} - Direct Plan - Growth"),
        category: Some((*cat).into()),
        weight: w.parse().unwrap(),
        volatility: v.parse().unwrap(),
    })
    .collect();
    let rp = RiskProfile {
        persona: PersonaId::BalancedVoyager,
        horizon_years: 4,
    };
    c.bench_function("risk/assess_risk 5 funds", |b| {
        b.iter(|| black_box(assess_risk(black_box(&rp), black_box(&portfolio)).unwrap()))
    });

    let mut g = c.benchmark_group("persona/train_personas");
    g.sample_size(10);
    for n in [100_000usize, 1_000_000] {
        let population = synthetic_profiles(n, 2026).unwrap();
        g.bench_function(format!("{n} profiles k=3"), |b| {
            b.iter(|| black_box(train_personas(black_box(&population), 3, 42).unwrap()))
        });
    }
    g.finish();
}

/// XIRR over SIP-like schedules: monthly instalments for ten years, redemptions now and
/// then, today's value last. Throughput is flows per second.
fn returns(c: &mut Criterion) {
    use rust_decimal::Decimal;
    use sparrow_core::returns::{xirr, CashFlow};
    let start = time::Date::from_calendar_date(2015, time::Month::January, 1).unwrap();
    let mut g = c.benchmark_group("returns/xirr");
    for months in [12i64, 120, 10_000] {
        let mut flows: Vec<CashFlow> = (0..months)
            .map(|m| CashFlow {
                date: start + time::Duration::days(30 * m + m % 3),
                amount: Decimal::new(-1_000_000 - 137 * (m % 11), 2),
            })
            .collect();
        flows.push(CashFlow {
            date: start + time::Duration::days(30 * months + 10),
            amount: Decimal::new(17_000 * months, 0),
        });
        g.throughput(criterion::Throughput::Elements(flows.len() as u64));
        g.bench_function(format!("{} flows", flows.len()), |b| {
            b.iter(|| black_box(xirr(black_box(&flows)).unwrap()))
        });
    }
    g.finish();
}

/// portfolio-analyzer-v1 for 15 holdings (benches/data/portfolio_15.json) against the
/// recorded 60-fund table: from the parsed request body, and from its JSON text.
fn portfolio(c: &mut Criterion) {
    use sparrow_core::portfolio::{
        analyze_portfolio, analyze_portfolio_json, FundTable, PortfolioRequest, TaxTable,
        ValidationMode,
    };
    let tables: serde_json::Value =
        serde_json::from_str(include_str!("../core/tests/fixtures/portfolio_funds.json")).unwrap();
    let funds = FundTable::from_value(tables.pointer("/tables/funds60/wire").unwrap()).unwrap();
    let tax = TaxTable::parity().unwrap();
    let today = sparrow_core::contract::returns::parse_date("2026-01-31", "today").unwrap();
    let text = include_str!("data/portfolio_15.json");
    let body: serde_json::Value = serde_json::from_str(text).unwrap();
    let request = PortfolioRequest::from_value(&body, ValidationMode::Compat).unwrap();
    c.bench_function("portfolio/analyze_portfolio 15 holdings", |b| {
        b.iter(|| black_box(analyze_portfolio(black_box(&request), &funds, &tax, today).unwrap()))
    });
    c.bench_function(
        "portfolio/analyze_portfolio_json 15 holdings (text in, text out)",
        |b| {
            b.iter(|| {
                let a = analyze_portfolio_json(
                    black_box(text),
                    &funds,
                    &tax,
                    today,
                    ValidationMode::Compat,
                );
                black_box(a.unwrap().to_json())
            })
        },
    );
}

/// API keys: the full check of a presented key against its record (format, checksum,
/// HMAC-SHA-256 under the pepper compared in constant time, revoked, expiry, scope).
fn api_keys(c: &mut Criterion) {
    use sparrow_core::api_key::{
        issue_api_key, parse_api_key, verify_api_key, ApiKeyEnvironment, Pepper, RANDOM_BYTES,
    };
    let pepper = Pepper::new(&[42u8; 32]).unwrap();
    let scopes = [
        "ml:classify".to_owned(),
        "ml:portfolio".to_owned(),
        "ml:risk".to_owned(),
    ];
    let k = issue_api_key(
        ApiKeyEnvironment::Live,
        "ml-gateway",
        &scopes,
        Some(2_000_000_000),
        1_800_000_000,
        &pepper,
        &[7u8; RANDOM_BYTES],
    )
    .unwrap();
    let text = k.key.expose().to_owned();
    c.bench_function("api_key/verify_api_key", |b| {
        b.iter(|| {
            black_box(
                verify_api_key(
                    black_box(&text),
                    Some(&k.record),
                    &pepper,
                    1_900_000_000,
                    "ml:risk",
                    ApiKeyEnvironment::Live,
                )
                .unwrap(),
            )
        })
    });
    c.bench_function("api_key/parse_api_key (format and checksum)", |b| {
        b.iter(|| black_box(parse_api_key(black_box(&text)).unwrap()))
    });
}

criterion_group!(
    benches,
    api_keys,
    portfolio,
    money,
    identity,
    profile,
    auth,
    personas_and_risk,
    returns
);
criterion_main!(benches);
