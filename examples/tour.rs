//! A guided tour of sparrow-core: `cargo run --example tour`.
//!
//! Parses and formats amounts the Indian way, validates a client's identifiers, shows
//! every problem of a bad profile at once, splits a SIP into parts that sum exactly, and
//! walks a login: password policy, argon2id hashing, a legacy bcrypt upgrade, tokens,
//! authorisation and a production configuration check.

use rust_decimal::Decimal;
use serde_json::json;
use sparrow_core::identity::{validate_email, validate_mobile, validate_pan};
use sparrow_core::money::{
    allocate, format_compact, format_inr, parse_money, parse_money_with, units_for, value_of,
    Money, Nav, ParseMode,
};
use sparrow_core::profile::{validate_profile, ValidationMode};
use sparrow_core::Error;

fn main() -> Result<(), Error> {
    section("1. Amounts as people type them, exact to the paisa");
    for text in [
        "25000",
        "₹ 1,23,456.78",
        "Rs. 500",
        "5L",
        "1.2 lakh",
        "2 Cr",
        "50k",
        "1.234 Cr",
    ] {
        let amount = parse_money(text)?;
        println!(
            "  {text:>14}  →  {:>18}   {:>12}",
            format_inr(amount),
            format_compact(amount)
        );
    }
    println!("\n  Refused, each with a stable code (nothing is rounded or guessed):");
    for text in [
        "12.345",
        "1,2,3",
        "1e5",
        "₹-500",
        "5 apples",
        "10,00,00,00,00,000",
    ] {
        match parse_money(text) {
            Ok(m) => println!("  {text:>14}  →  unexpectedly accepted as {m}"),
            Err(e) => println!("  {text:>14}  ✗  {:<20} {e}", e.code()),
        }
    }
    let feed = parse_money_with("Rs. 1,00,000/-", ParseMode::Lenient)?;
    println!(
        "\n  A data feed's \"Rs. 1,00,000/-\" in lenient mode → {}",
        format_inr(feed)
    );

    section("2. A client's identifiers (shown masked; errors never echo them)");
    let pan = validate_pan(" abcpe1234f ")?;
    println!(
        "  PAN     {pan:?}  holder type: {}",
        pan.holder_type().as_str()
    );
    let mobile = validate_mobile("(0) 98765-43210")?;
    println!(
        "  Mobile  {mobile:?}  stored as E.164 ({} digits)",
        mobile.e164().len() - 1
    );
    let email = validate_email(" Ravi.Kumar@SparrowInvest.COM ")?;
    println!("  Email   {email:?}  (domain lower-cased for uniqueness)");
    for (what, result) in [
        ("PAN ABCXE1234F", validate_pan("ABCXE1234F").map(drop)),
        (
            "mobile +1 415 555 0100",
            validate_mobile("+1 415 555 0100").map(drop),
        ),
        (
            "email ravi@localhost",
            validate_email("ravi@localhost").map(drop),
        ),
    ] {
        if let Err(e) = result {
            println!("  {what:<24} ✗ {:<18} {e}", e.code());
        }
    }

    section("3. A profile with several problems: all reported at once");
    let submitted = json!({
        "age": 16,
        "horizon_years": "8",
        "risk_tolerance": "aggressive",
        "monthly_sip": 2500.005,
        "lump_sum": "-100",
        "referrer": "friend"
    });
    println!("  input: {submitted}");
    match validate_profile(&submitted, ValidationMode::Strict) {
        Ok(p) => println!("  unexpectedly valid: {p:?}"),
        Err(invalid) => {
            for e in invalid.field_errors() {
                println!("  ✗ {:<16} {:<24} {}", e.field, e.code, e.message);
            }
        }
    }
    let fixed = json!({"age": 34, "horizon_years": 8, "risk_tolerance": "Aggressive", "monthly_sip": "25000"});
    let profile = validate_profile(&fixed, ValidationMode::Strict)?;
    println!(
        "  corrected → {}",
        serde_json::to_string(&profile).unwrap_or_default()
    );

    section("4. A ₹25,000 SIP split across funds, summing exactly");
    let sip = profile.monthly_sip().unwrap_or(Money::ZERO);
    let funds = [
        ("Flexi Cap", "40", "312.4567"),
        ("Mid Cap", "25", "98.7654"),
        ("Short Duration", "20", "41.0021"),
        ("Gold ETF FoF", "15", "23.3333"),
    ];
    let weights: Vec<Decimal> = funds
        .iter()
        .map(|(_, w, _)| w.parse().unwrap_or_default())
        .collect();
    let parts = allocate(sip, &weights)?;
    for ((name, weight, nav), part) in funds.iter().zip(&parts) {
        let nav: Nav = nav.parse()?;
        let units = units_for(*part, nav)?;
        println!(
            "  {name:<15} {weight:>3}%  {:>12}  → {units:>10} units at NAV {nav} (worth {})",
            format_inr(*part),
            format_inr(value_of(units, nav)?)
        );
    }
    let total = Money::checked_sum(parts.iter().copied())?;
    println!(
        "  {:<20}  {:>12}  (= the SIP, to the paisa)",
        "total",
        format_inr(total)
    );
    let thirds = allocate(Money::from_rupees(100)?, &[Decimal::ONE; 3])?;
    let shown: Vec<String> = thirds.iter().map(|m| format_inr(*m)).collect();
    println!(
        "  ₹100 in three equal parts → {} (largest remainder, ties to the first)",
        shown.join(" + ")
    );

    section("5. The database migration generated from the same rules");
    let sql = sparrow_core::migration_sql();
    for line in sql.lines().filter(|l| l.contains("ADD CONSTRAINT")).take(3) {
        println!("  {line}");
    }
    println!(
        "  … {} lines in one transaction, behind a pre-check that lists and refuses bad rows.",
        sql.lines().count()
    );
    auth_tour()
}

fn auth_tour() -> Result<(), Error> {
    use sparrow_core::access::{authorize, Role};
    use sparrow_core::config::{check_env, parse_env_file};
    use sparrow_core::jwt::{
        issue_token, should_refresh, verify_token, IssueOptions, Keyring, TokenError, TokenSubject,
        TokenUse, VerifyOptions,
    };
    use sparrow_core::password::{check_password, hash_password, verify_password, PasswordPolicy};

    section("6. Passwords: a checklist, argon2id, and a legacy bcrypt hash upgraded at login");
    let context = [
        "ravi.kumar@example.com",
        "Ravi Kumar",
        "ABCPE1234F",
        "+91 98765 43210",
    ];
    for candidate in ["kumar2024", "Password1!", "Monsoon#Kerala 2019"] {
        let failed = check_password(candidate, &PasswordPolicy::recommended(), &context);
        let codes: Vec<&str> = failed.iter().map(|r| r.code()).collect();
        println!(
            "  {candidate:<22} {}",
            if codes.is_empty() {
                "✓ acceptable".to_string()
            } else {
                format!("✗ {}", codes.join(", "))
            }
        );
    }
    let stored = hash_password("Monsoon#Kerala 2019")?;
    println!("  new hash: {}…", &stored[..32.min(stored.len())]);
    // Today's users have bcrypt hashes from node's bcrypt ($2b$, cost 10); this one is
    // the OpenBSD test vector for "U*U".
    let legacy = "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW";
    let v = verify_password("U*U", legacy)?;
    println!(
        "  legacy bcrypt login: matched={} needs_rehash={}",
        v.matched, v.needs_rehash
    );
    if v.matched && v.needs_rehash {
        let upgraded = hash_password("U*U")?;
        let again = verify_password("U*U", &upgraded)?;
        println!(
            "  upgraded at login → {}… (matched={}, needs_rehash={})",
            &upgraded[..30.min(upgraded.len())],
            again.matched,
            again.needs_rehash
        );
    }
    let v = verify_password("wrong", &stored)?;
    println!(
        "  wrong password: matched={} (a value, not an error)",
        v.matched
    );

    section("7. Tokens: HS256 pinned, rotation by kid, access and refresh kept apart");
    let ring = Keyring::new("2026-11", b"Zq3v9LkT2xWm8RbN4cYp7HdJ1fGs6VeA0uKoQiXt")?;
    let now = 1_795_000_000; // the clock is always passed in
    let staff = TokenSubject {
        sub: "0b7e2c9d-4f1a-4e3b-8c6d-5a9f0e1d2c3b".into(),
        email: "priya@sparrowinvest.com".into(),
        role: "fa_staff".into(),
        owner_id: Some("6f1c2a3e-0d4b-4c9a-9f1e-2b3c4d5e6f70".into()),
        allowed_pages: Some(vec!["clients".into()]),
        jti: None,
    };
    let token = issue_token(&staff, &ring, &"15m".into(), now, &IssueOptions::default())?;
    let claims = verify_token(&token, &ring, now + 60, &VerifyOptions::default())?;
    println!(
        "  issued and verified a 15-minute token for a {} ({} bytes)",
        claims.role,
        token.len()
    );
    println!(
        "  refresh now? {}  … at 11 minutes? {}",
        should_refresh(&claims, now + 60, 300),
        should_refresh(&claims, now + 660, 300)
    );
    let refresh = issue_token(
        &staff,
        &ring,
        &"30d".into(),
        now,
        &IssueOptions {
            token_use: Some(TokenUse::Refresh),
            ..IssueOptions::default()
        },
    )?;
    for (what, result) in [
        (
            "refresh token as access",
            verify_token(&refresh, &ring, now + 60, &VerifyOptions::default()),
        ),
        (
            "after expiry",
            verify_token(&token, &ring, now + 3600, &VerifyOptions::default()),
        ),
        (
            "alg none",
            verify_token(
                "eyJhbGciOiJub25lIn0.e30.",
                &ring,
                now,
                &VerifyOptions::default(),
            ),
        ),
    ] {
        if let Err(e) = result {
            println!(
                "  ✗ {what:<24} {:<18} (client sees: \"{}\")",
                e.code(),
                TokenError::PUBLIC_MESSAGE
            );
        }
    }
    let pages = claims.allowed_pages.clone().unwrap_or_default();
    for page in ["clients", "reports"] {
        let d = authorize(
            &claims.role,
            &[Role::Advisor, Role::FaStaff],
            Some(page),
            Some(&pages),
        );
        println!(
            "  fa_staff → page {page:<8} allowed={} ({})",
            d.allowed,
            d.reason.code()
        );
    }

    section("8. Production configuration: a bad and a good .env");
    for (name, text) in [
        (
            "the guide's template (env/guide-template.env)",
            include_str!("env/guide-template.env"),
        ),
        (
            "a filled-in production file (env/production-good.env)",
            include_str!("env/production-good.env"),
        ),
    ] {
        let vars = parse_env_file(text)?;
        let problems = check_env(&vars, Some("production"));
        println!(
            "  {name}: {}",
            if problems.is_empty() {
                "fit for production ✓".to_string()
            } else {
                format!("{} problem(s)", problems.len())
            }
        );
        for p in problems {
            println!("    ✗ {:<18} {:<16} {}", p.variable, p.code, p.message);
        }
    }
    println!("  (cargo run --example preflight -- examples/env/guide-template.env exits 1; the good file exits 0)");
    Ok(())
}

fn section(title: &str) {
    println!("\n{title}\n{}", "─".repeat(title.chars().count()));
}
