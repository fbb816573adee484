//! XIRR, XNPV and CAGR: Excel's and LibreOffice's documented examples, roots checked
//! against a 60-digit bisection (Python `decimal`), refusals, and properties.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::str::FromStr;

use proptest::prelude::*;
use rust_decimal::Decimal;
use sparrow_core::returns::*;
use time::{Date, Duration, Month};

fn day(y: i32, m: u8, d: u8) -> Date {
    Date::from_calendar_date(y, Month::try_from(m).unwrap(), d).unwrap()
}

fn flows(rows: &[(Date, i64)]) -> Vec<CashFlow> {
    rows.iter()
        .map(|&(date, a)| CashFlow {
            date,
            amount: Decimal::from(a),
        })
        .collect()
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn excel() -> Vec<CashFlow> {
    flows(&[
        (day(2008, 1, 1), -10_000),
        (day(2008, 3, 1), 2_750),
        (day(2008, 10, 30), 4_250),
        (day(2009, 2, 15), 3_250),
        (day(2009, 4, 1), 2_750),
    ])
}

#[test]
fn excel_and_libreoffice_examples() {
    // Excel's XIRR page: 0.373362535 as Excel shows it; the root (60-digit bisection)
    // is 0.37336253351883…
    assert_eq!(xirr(&excel()).unwrap().to_string(), "0.373362534");
    // Excel's XNPV page: 2086.647602 at 9 %.
    assert_eq!(xnpv(dec("0.09"), &excel()).unwrap().to_string(), "2086.65");
    // LibreOffice's XIRR help example; the root is 0.19481847505610…
    let lo = flows(&[
        (day(2001, 1, 1), -10_000),
        (day(2001, 1, 2), 2_000),
        (day(2001, 3, 15), 2_500),
        (day(2001, 5, 12), 5_000),
        (day(2001, 8, 10), 1_000),
    ]);
    assert_eq!(xirr(&lo).unwrap(), dec("0.194818475"));
}

#[test]
fn order_after_the_first_does_not_matter() {
    let mut f = excel();
    f[1..].reverse();
    assert_eq!(xirr(&f).unwrap(), dec("0.373362534"));
    assert_eq!(xnpv(dec("0.09"), &f).unwrap(), dec("2086.65"));
}

#[test]
fn roots_far_from_the_guess() {
    // Doubling in 30 days: 2^(365/30) − 1 = 4596.6045498751917…; Newton from 10 %
    // does not reach it, the bracket does.
    let f = flows(&[(day(2020, 1, 1), -1), (day(2020, 1, 31), 2)]);
    assert_eq!(xirr(&f).unwrap(), dec("4596.604549875"));
    // Losing 99 % in a year.
    let f = flows(&[(day(2021, 1, 1), -100), (day(2022, 1, 1), 1)]);
    assert_eq!(xirr(&f).unwrap(), dec("-0.990000000"));
    // Exactly 10 % in a 365-day year.
    let f = flows(&[(day(2021, 1, 1), -100), (day(2022, 1, 1), 110)]);
    assert_eq!(xirr(&f).unwrap().to_string(), "0.100000000");
}

#[test]
fn several_rates_gives_newtons_from_ten_percent() {
    // Two sign changes, two rates (0.0967647757… and 0.2063768328…); Excel and pyxirr
    // give the one nearer 10 %.
    let f = flows(&[
        (day(2019, 1, 1), -100),
        (day(2020, 1, 1), 230),
        (day(2021, 1, 1), -132),
    ]);
    assert_eq!(xirr(&f).unwrap(), dec("0.096764776"));
}

#[test]
fn refusals() {
    let code = |r: Result<Decimal, ReturnsError>| r.unwrap_err().code();
    let d0 = day(2020, 1, 1);
    assert_eq!(code(xirr(&[])), "returns_too_few_flows");
    assert_eq!(code(xirr(&flows(&[(d0, -1)]))), "returns_too_few_flows");
    assert_eq!(code(xnpv(Decimal::ONE, &[])), "returns_too_few_flows");
    assert_eq!(
        xnpv(Decimal::ONE, &flows(&[(d0, -5)])).unwrap(),
        dec("-5.00")
    );
    assert_eq!(
        code(xirr(&flows(&[(d0, -1), (d0 + Duration::days(9), 0)]))),
        "returns_no_sign_change"
    );
    assert_eq!(
        code(xirr(&flows(&[(d0, 0), (d0 + Duration::days(9), 5)]))),
        "returns_no_sign_change"
    );
    let e = xirr(&flows(&[(d0, -1), (d0 - Duration::days(1), 2)])).unwrap_err();
    assert_eq!(e.code(), "returns_flow_before_start");
    assert_eq!(e.field(), "flows[1].date");
    // Every flow on one day: the value does not depend on the rate (pyxirr answers inf).
    assert_eq!(
        code(xirr(&flows(&[(d0, -100), (d0, 110)]))),
        "returns_no_root"
    );
    // A value that never crosses zero (pyxirr answers None).
    let never = flows(&[(d0, -100), (day(2020, 6, 1), 50), (day(2021, 1, 1), -100)]);
    assert_eq!(code(xirr(&never)), "returns_no_root");
    // Beyond the searched range: a thousandfold in a day.
    let wild = flows(&[(d0, -1), (d0 + Duration::days(1), 1000)]);
    assert_eq!(code(xirr(&wild)), "returns_no_root");
    assert_eq!(code(xnpv(dec("-1"), &excel())), "returns_input");
    assert_eq!(code(xnpv(dec("-1.5"), &excel())), "returns_input");
    // A present value too large for a decimal.
    let far = flows(&[(d0, 1), (day(9000, 1, 1), 1_000_000_000)]);
    assert_eq!(code(xnpv(dec("-0.9999999"), &far)), "returns_input");
    for e in [
        xirr(&never).unwrap_err(),
        xnpv(dec("-2"), &excel()).unwrap_err(),
    ] {
        assert!(!e.to_string().contains("-100\n"), "{e}");
        assert!(
            e.to_string().starts_with(&format!("{}: ", e.field())),
            "{e}"
        );
    }
}

#[test]
fn cagr_rules() {
    assert_eq!(
        cagr(dec("100"), dec("200"), dec("1")).unwrap(),
        dec("1.000000000")
    );
    assert_eq!(
        cagr(dec("100"), dec("121"), dec("2")).unwrap(),
        dec("0.100000000")
    );
    assert_eq!(
        cagr(dec("100"), dec("100"), dec("7")).unwrap(),
        dec("0.000000000")
    );
    assert_eq!(
        cagr(dec("100"), dec("0"), dec("3")).unwrap().to_string(),
        "-1.000000000"
    );
    // 5 years, 10,000 → 16,105.10: 10 % a year.
    assert_eq!(
        cagr(dec("10000"), dec("16105.10"), dec("5")).unwrap(),
        dec("0.100000000")
    );
    let code = |s, e, y| cagr(dec(s), dec(e), dec(y)).unwrap_err().code();
    assert_eq!(code("0", "1", "1"), "returns_input");
    assert_eq!(code("-1", "1", "1"), "returns_input");
    assert_eq!(code("1", "-1", "1"), "returns_input");
    assert_eq!(code("1", "1", "0"), "returns_input");
    assert_eq!(code("1", "1000000", "0.0000000000001"), "returns_input");
    // A tiny end over a huge start is no zero: a rate just above −100 %.
    let r = cagr(
        dec("79228162514264337593543950335"),
        dec("0.0000000000000000000000000001"),
        dec("1000"),
    )
    .unwrap();
    assert!(r > dec("-1") && r < Decimal::ZERO, "{r}");
}

proptest! {
    /// Two flows: the rate is the closed form, to its ninth decimal.
    #[test]
    fn two_flows_give_the_closed_form(rate_bp in -9_000i64..50_000, days in 30i64..7_300, paid in 1i64..10_000_000) {
        let r = rate_bp as f64 / 10_000.0;
        let got = (paid as f64) * (1.0 + r).powf(days as f64 / 365.0);
        let received = Decimal::from_f64_retain(got).unwrap().round_dp(2);
        prop_assume!(received > Decimal::ZERO);
        let d0 = day(2000, 1, 1);
        let f = [
            CashFlow { date: d0, amount: Decimal::from(-paid) },
            CashFlow { date: d0 + Duration::days(days), amount: received },
        ];
        let x = xirr(&f).unwrap();
        // The closed form on the rounded amount.
        let exact = (received.to_string().parse::<f64>().unwrap() / paid as f64).powf(365.0 / days as f64) - 1.0;
        let diff = (x.to_string().parse::<f64>().unwrap() - exact).abs();
        prop_assert!(diff <= 1e-9 * exact.abs().max(1.0), "{x} vs {exact}");
        prop_assert_eq!(x.scale(), RATE_DECIMALS);
    }

    /// A conventional schedule (paid in first, received later, 0.5–10 times as much
    /// over half a year to ten years): the rate found zeroes the present value, to the
    /// rounding of the rate.
    #[test]
    fn the_rate_zeroes_the_present_value(
        paid in 1_000i64..10_000_000,
        multiple_pct in 50i64..1_000,
        later in proptest::collection::vec((180i64..3_650, 1i64..1_000), 1..40),
    ) {
        let d0 = day(2010, 6, 15);
        let weights: i64 = later.iter().map(|l| l.1).sum();
        let total = paid * multiple_pct / 100;
        let mut f = vec![CashFlow { date: d0, amount: Decimal::from(-paid) }];
        f.extend(later.iter().map(|&(d, w)| CashFlow {
            date: d0 + Duration::days(d),
            amount: Decimal::from((total * w / weights).max(1)),
        }));
        let r = xirr(&f).unwrap();
        prop_assert_eq!(r.scale(), RATE_DECIMALS);
        let scale: i64 = f.iter().map(|c| i64::try_from(c.amount.abs().mantissa()).unwrap()).sum();
        let v = xnpv(r, &f).unwrap();
        // d(value)/d(rate) is at most 10 years × the amounts here, the rate is within
        // 5e-10 of the root, and the value is rounded to paise.
        let bound = Decimal::from(scale) * dec("0.00000001") + dec("0.01");
        prop_assert!(v.abs() <= bound, "value {v} at {r}, bound {bound}");
    }
}

fn rupees(s: &str) -> sparrow_core::money::Money {
    sparrow_core::money::Money::try_from_decimal(dec(s)).unwrap()
}

#[test]
fn goals() {
    let p = goal_progress(rupees("25000"), rupees("100000")).unwrap();
    assert_eq!(
        (p.progress.to_string(), p.remaining, p.reached),
        ("0.2500".to_owned(), rupees("75000"), false)
    );
    // Rounded down: 99.996 % is not 100 %.
    assert_eq!(
        goal_progress(rupees("99996"), rupees("100000"))
            .unwrap()
            .progress,
        dec("0.9999")
    );
    let over = goal_progress(rupees("120000"), rupees("100000")).unwrap();
    assert_eq!(
        (over.progress, over.remaining, over.reached),
        (dec("1.2"), rupees("0"), true)
    );

    // Exact where the factors are: no rate, and 10 % over a year.
    assert_eq!(
        sip_future_value(rupees("1000"), Decimal::ZERO, 12).unwrap(),
        rupees("12000")
    );
    assert_eq!(
        future_value(rupees("10000"), dec("0.1"), 12).unwrap(),
        rupees("11000")
    );
    assert_eq!(
        future_value(rupees("10000"), dec("0.21"), 24).unwrap(),
        rupees("14641")
    );
    // Against 50-digit decimals (Python): 10,000 a month for a year at 12 %:
    // factor 12.76649790835317…, so 127,664.97 (down).
    assert_eq!(
        sip_future_value(rupees("10000"), dec("0.12"), 12).unwrap(),
        rupees("127664.97")
    );
    // ₹10 lakh in 10 years at 12 %: 4,463.58 a month (up); with ₹1 lakh already
    // invested (grows to 3,10,584.82), 3,077.26.
    let target = rupees("1000000");
    let need = sip_needed(target, rupees("0"), dec("0.12"), 120).unwrap();
    assert_eq!(need, rupees("4463.58"));
    assert_eq!(
        sip_future_value(need, dec("0.12"), 120).unwrap(),
        rupees("1000002.11")
    );
    let less = sparrow_core::money::Money::from_paise(need.paise() - 1).unwrap();
    assert_eq!(
        sip_future_value(less, dec("0.12"), 120).unwrap(),
        rupees("999999.87")
    );
    assert_eq!(
        future_value(rupees("100000"), dec("0.12"), 120).unwrap(),
        rupees("310584.82")
    );
    assert_eq!(
        sip_needed(target, rupees("100000"), dec("0.12"), 120).unwrap(),
        rupees("3077.26")
    );
    // Already there.
    assert_eq!(
        sip_needed(target, rupees("400000"), dec("0.12"), 120).unwrap(),
        rupees("0")
    );

    let code = |r: Result<sparrow_core::money::Money, ReturnsError>| {
        let e = r.unwrap_err();
        (e.code(), e.field())
    };
    assert_eq!(
        code(sip_needed(target, rupees("0"), dec("0.12"), 0)),
        ("returns_input", "months".to_owned())
    );
    assert_eq!(
        code(sip_needed(rupees("0"), rupees("0"), dec("0.12"), 12)),
        ("returns_input", "target".to_owned())
    );
    assert_eq!(
        code(sip_needed(target, rupees("-1"), dec("0.12"), 12)),
        ("returns_input", "current".to_owned())
    );
    assert_eq!(
        code(sip_future_value(rupees("1"), dec("-1"), 12)),
        ("returns_input", "annual_rate".to_owned())
    );
    assert_eq!(
        code(sip_future_value(rupees("1"), dec("10.01"), 12)),
        ("returns_input", "annual_rate".to_owned())
    );
    assert_eq!(
        code(sip_future_value(rupees("1"), dec("0.1"), 1201)),
        ("returns_input", "months".to_owned())
    );
    assert_eq!(
        code(future_value(rupees("999999999999"), dec("0.5"), 12)),
        ("returns_input", "amount".to_owned())
    );
    // 11^100 is past any decimal: refused, not rounded.
    assert_eq!(
        code(future_value(rupees("1"), dec("10"), 1200)),
        ("returns_input", "annual_rate".to_owned())
    );
    assert_eq!(
        goal_progress(rupees("1"), rupees("0")).unwrap_err().field(),
        "target"
    );

    let d = |y, m, dd| day(y, m, dd);
    assert_eq!(months_until(d(2025, 1, 15), d(2025, 3, 14)).unwrap(), 1);
    assert_eq!(months_until(d(2025, 1, 15), d(2025, 3, 15)).unwrap(), 2);
    assert_eq!(months_until(d(2025, 1, 15), d(2025, 1, 15)).unwrap(), 0);
    assert_eq!(months_until(d(2024, 12, 31), d(2035, 12, 31)).unwrap(), 132);
    assert_eq!(
        months_until(d(2025, 1, 15), d(2025, 1, 14))
            .unwrap_err()
            .field(),
        "by"
    );
}

proptest! {
    /// The SIP needed reaches the target, and a paisa less does not.
    #[test]
    fn the_sip_needed_is_the_least_that_reaches(
        target_paise in 100_000i64..10_000_000_000,
        current_pct in 0i64..120,
        rate_bp in -5_000i64..3_000,
        months in 1u32..480,
    ) {
        use sparrow_core::money::Money;
        let target = Money::from_paise(target_paise).unwrap();
        let current = Money::from_paise(target_paise * current_pct / 200).unwrap();
        let rate = Decimal::new(rate_bp, 4);
        let need = sip_needed(target, current, rate, months).unwrap();
        let grown = future_value(current, rate, months).unwrap();
        let reach = |m: Money| sip_future_value(m, rate, months).unwrap().paise() + grown.paise();
        if need == Money::ZERO {
            prop_assert!(grown >= target);
        } else {
            prop_assert!(reach(need) >= target.paise());
            prop_assert!(reach(Money::from_paise(need.paise() - 1).unwrap()) < target.paise());
        }
    }
}

#[test]
fn portfolio_xirr_from_real_transactions() {
    use sparrow_core::money::Money;
    let today = day(2025, 12, 1);
    let t = |date, kind, rupees: i64| Transaction {
        date,
        kind,
        amount: Money::from_rupees(rupees).unwrap(),
    };
    // Twelve SIP instalments of ₹10,000, a redemption and a dividend, given out of order.
    let mut ts: Vec<Transaction> = (1..=12u8)
        .rev()
        .map(|m| t(day(2024, m, 5), TransactionKind::Sip, 10_000))
        .collect();
    ts.push(t(day(2025, 6, 10), TransactionKind::Redemption, 20_000));
    ts.push(t(day(2025, 3, 1), TransactionKind::Dividend, 500));
    let value = Money::from_rupees(118_000).unwrap();
    let got = portfolio_xirr(&ts, value, today).unwrap();
    // The same as xirr over the flows, each on its own date.
    let mut flows: Vec<CashFlow> = ts
        .iter()
        .map(|x| CashFlow {
            date: x.date,
            amount: if x.kind.pays_in() {
                -x.amount.as_decimal()
            } else {
                x.amount.as_decimal()
            },
        })
        .collect();
    flows.sort_by_key(|f| f.date);
    flows.push(CashFlow {
        date: today,
        amount: value.as_decimal(),
    });
    assert_eq!(got, xirr(&flows).unwrap());
    // Today's backend puts the whole cost on the last transaction date: another number.
    let backend = xirr(&[
        CashFlow {
            date: day(2025, 6, 10),
            amount: dec("-99500"),
        },
        CashFlow {
            date: today,
            amount: value.as_decimal(),
        },
    ])
    .unwrap();
    assert!(got < backend, "{got} vs the backend's {backend}");

    let code = |r: Result<Decimal, ReturnsError>| {
        let e = r.unwrap_err();
        (e.code(), e.field())
    };
    let zero = Transaction {
        amount: Money::ZERO,
        ..ts[0]
    };
    assert_eq!(
        code(portfolio_xirr(&[zero], value, today)),
        ("returns_input", "transactions.amount".to_owned())
    );
    let later = t(day(2026, 1, 1), TransactionKind::Sip, 1);
    assert_eq!(
        code(portfolio_xirr(&[later], value, today)),
        ("returns_input", "transactions.date".to_owned())
    );
    assert_eq!(
        code(portfolio_xirr(&ts, -value, today)),
        ("returns_input", "current_value".to_owned())
    );
    assert_eq!(
        code(portfolio_xirr(&[], value, today)).0,
        "returns_too_few_flows"
    );
    // Nothing paid in.
    let only_out = [t(day(2024, 1, 1), TransactionKind::Redemption, 5)];
    assert_eq!(
        code(portfolio_xirr(&only_out, value, today)).0,
        "returns_no_sign_change"
    );
}

#[test]
fn portfolio_xirr_over_records() {
    use sparrow_core::contract::returns::{portfolio_xirr, TransactionRecord};
    let r = |date: &str, kind: &str, amount: &str| TransactionRecord {
        date: date.into(),
        kind: kind.into(),
        amount: dec(amount),
    };
    let ts = [r("2025-01-01", "purchase", "10000")];
    assert_eq!(
        portfolio_xirr(&ts, dec("11000"), "2026-01-01")
            .unwrap()
            .to_string(),
        "0.100000000"
    );
    let bad = [r("2025-01-01", "buy", "10000")];
    let e = portfolio_xirr(&bad, dec("11000"), "2026-01-01").unwrap_err();
    assert_eq!(e.code(), "transaction_kind_unknown");
    assert_eq!(
        e.to_string(),
        "transactions.kind: must be one of purchase, sip, redemption, dividend"
    );
    assert_eq!(
        portfolio_xirr(&ts, dec("11000"), "2026-1-1")
            .unwrap_err()
            .code(),
        "date_invalid"
    );
    assert_eq!(
        portfolio_xirr(&[r("2025-01-01", "sip", "0.001")], dec("1"), "2026-01-01")
            .unwrap_err()
            .code(),
        "money_precision"
    );
}
