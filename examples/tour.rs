//! A guided tour of sparrow-core: `cargo run --example tour`.
//!
//! Parses and formats amounts the Indian way, validates a client's identifiers, shows
//! every problem of a bad profile at once, splits a SIP into parts that sum exactly, and
//! walks a login: password policy, argon2id hashing, a legacy bcrypt upgrade, tokens,
//! authorisation and a production configuration check; then takes a profile to its
//! persona, a blended allocation, a ₹25,000 SIP split across funds and a risk check of
//! the resulting portfolio, and trains k-means personas from a synthetic population.

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
    let ring = Keyring::new("2026-11", b"3Xy1ayYgQqDO-B8AD9yFLldY8XTEICtbj_W-tA933G4")?;
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
    persona_tour()
}

fn persona_tour() -> Result<(), Error> {
    use sparrow_core::allocation::{
        blend_allocation, rebalance, split_amount, FundSlot, PersonaWeight, Position,
        RebalanceOptions,
    };
    use sparrow_core::persona::{
        classify, classify_blended, synthetic_profiles, train_personas_with, TrainOptions,
    };
    use sparrow_core::risk::{assess_risk, check_constraints, Fund, Holding, RiskProfile};

    section("9. Profile → persona → blended allocation → a ₹25,000 SIP → a risk check");
    let profile = validate_profile(
        &json!({"age": 34, "horizon_years": 12, "risk_tolerance": "Moderate", "volatility": "High",
                "liquidity": "Low", "knowledge": "Intermediate", "monthly_sip": "25000"}),
        ValidationMode::Strict,
    )?;
    let c = classify(&profile);
    println!(
        "  rules-v2-blended: {} (confidence {}; exact quotient to 12 decimals)",
        c.persona.name(),
        c.confidence
    );
    let blended = classify_blended(&profile);
    for d in &blended.distribution {
        println!("    {:<20} weight {}", d.persona.name(), d.weight);
    }
    let weights: Vec<PersonaWeight> = sparrow_core::persona::PersonaId::ALL
        .iter()
        .map(|p| PersonaWeight {
            persona: *p,
            weight: c.probability(*p),
        })
        .collect();
    let allocation = blend_allocation(&weights)?;
    let shown: Vec<String> = allocation
        .iter()
        .map(|(k, p)| format!("{k} {p}%"))
        .collect();
    println!(
        "  blended allocation (sums to exactly 100.00%): {}",
        shown.join(", ")
    );

    // One fund per asset class, each with its minimum and step; the SIP splits exactly.
    let funds = [
        ("Parag Parikh Flexi Cap", "Flexi Cap", "equity", "13.8"),
        ("HDFC Corporate Bond", "Corporate Bond", "debt", "3.1"),
        (
            "ICICI Balanced Advantage",
            "Balanced Advantage",
            "hybrid",
            "8.9",
        ),
        ("Nippon Gold ETF FoF", "Gold ETF", "gold", "14.2"),
        (
            "Motilal Nasdaq 100 FoF",
            "International FoF",
            "international",
            "21.5",
        ),
        ("Axis Liquid", "Liquid", "liquid", "0.6"),
    ];
    let slots: Vec<FundSlot> = funds
        .iter()
        .map(|(name, _, class, _)| FundSlot {
            id: (*name).to_owned(),
            weight: sparrow_core::allocation::AssetClass::from_name(class)
                .map(|c| allocation.get(c).as_decimal())
                .unwrap_or_default(),
            min_amount: Money::from_rupees(500).unwrap_or(Money::ZERO),
            multiple: Money::from_rupees(100).unwrap_or(Money::ZERO),
        })
        .collect();
    let sip = profile.monthly_sip().unwrap_or(Money::ZERO);
    let parts = split_amount(sip, &slots)?;
    for p in &parts {
        println!("    {:<26} {:>10}", p.id, format_inr(p.amount));
    }
    let total = Money::checked_sum(parts.iter().map(|p| p.amount))?;
    println!(
        "    {:<26} {:>10}  (₹500 minimum, ₹100 steps, exact total)",
        "total",
        format_inr(total)
    );
    let tiny = split_amount(Money::from_rupees(2_000)?, &slots);
    if let Err(e) = tiny {
        println!(
            "  a ₹2,000 SIP across the same six funds → {}: {e}",
            e.code()
        );
    }

    let portfolio: Vec<Fund> = funds
        .iter()
        .zip(&parts)
        .map(|((name, category, _, vol), part)| Fund {
            scheme_name: (*name).to_owned(),
            category: Some((*category).to_owned()),
            weight: part.amount.as_decimal() / sip.as_decimal(),
            volatility: vol.parse().unwrap_or_default(),
        })
        .collect();
    let risk = assess_risk(&RiskProfile::from_profile(&profile), &portfolio)?;
    println!(
        "  risk-v1: {} (score {}) — {}",
        risk.risk_level, risk.risk_score, risk.persona_alignment
    );
    for f in &risk.risk_factors {
        println!(
            "    {} {} ({}): {}",
            f.name,
            f.contribution,
            f.severity.as_str(),
            f.description
        );
    }
    let holdings: Vec<Holding> = funds
        .iter()
        .zip(&parts)
        .map(|((name, category, _, vol), part)| Holding {
            id: (*name).to_owned(),
            category: (*category).to_owned(),
            value: part.amount,
            volatility: vol.parse().ok(),
        })
        .collect();
    let strategy = sparrow_core::strategy_for(c.persona.slug())?;
    let report = check_constraints(&holdings, strategy.constraints())?;
    println!(
        "  the {} strategy's own constraints: {} violation(s), {} target(s) not limits",
        strategy.name(),
        report.violations.len(),
        report.not_evaluated.len()
    );
    for v in &report.violations {
        println!("    ✗ {}", v.message);
    }

    let positions: Vec<Position> = parts
        .iter()
        .map(|p| Position {
            id: p.id.clone(),
            value: p.amount,
        })
        .collect();
    let target: Vec<(String, sparrow_core::money::Percent)> = funds
        .iter()
        .zip(&slots)
        .map(|((name, ..), slot)| {
            (
                (*name).to_owned(),
                sparrow_core::money::Percent::try_from_decimal(slot.weight).unwrap_or_default(),
            )
        })
        .collect();
    let plan = rebalance(
        &positions,
        &target,
        RebalanceOptions {
            buy_only: true,
            new_money: Money::from_rupees(5_000)?,
            ..RebalanceOptions::default()
        },
    )?;
    let buys: Vec<String> = plan
        .trades
        .iter()
        .map(|t| format!("{} {}", t.id, format_inr(t.amount)))
        .collect();
    println!(
        "  next month's ₹5,000, buy-only toward the target: {}",
        buys.join(", ")
    );

    section("10. Personas learned from data (k-means, linfa-clustering)");
    let population = synthetic_profiles(100_000, 2026).map_err(Error::from)?;
    let mut steps = 0;
    let mut progress = |_: sparrow_core::persona::TrainProgress| {
        steps += 1;
        std::ops::ControlFlow::Continue(())
    };
    let model = train_personas_with(&population, &TrainOptions::default(), Some(&mut progress))?;
    println!(
        "  100,000 synthetic profiles, k = 3: {} Lloyd steps reported, converged {}, mean inertia {:.4}",
        steps,
        model.training().converged,
        model.training().inertia
    );
    let p = model.predict(&profile);
    let dist: Vec<String> = p
        .distribution
        .iter()
        .map(|d| format!("{} {}", d.persona.name(), d.weight))
        .collect();
    println!("  this profile by the learned model: {}", dist.join(", "));
    let dir = std::env::temp_dir().join(format!("sparrow-tour-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| {
        Error::from(sparrow_core::persona::ModelError::Io {
            action: "written",
            kind: e.kind().to_string(),
        })
    })?;
    let path = model.save(&dir, "personas", "20261126_054500")?;
    let again = sparrow_core::PersonaModel::load(&dir, "personas", None)?;
    println!(
        "  saved as {} and loaded back as {} (same centroids: {})",
        path.file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default(),
        again.model_version(),
        again.centroids() == model.centroids()
    );
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

fn section(title: &str) {
    println!("\n{title}\n{}", "─".repeat(title.chars().count()));
}
