//! Capital-gains rules as dated data (domain.md §8.7): a tax table is a list of regimes,
//! each in effect from a date for some asset classes; the analysis picks, for each lot,
//! the regime in effect on `today` for its class.

use rust_decimal::Decimal;
use serde_json::{Map, Value};
use time::Date;

use super::error::{tax_table, PortfolioError};
use super::funds::ASSET_CLASSES;
use crate::contract::returns::parse_date;
use crate::exact::{decimal, json_decimal, to_scaled};

/// The largest tax table JSON [`TaxTable::from_json`] reads (64 KiB).
pub const MAX_TAX_TABLE_JSON: usize = 64 * 1024;
/// The most regimes one table may hold.
pub const MAX_REGIMES: usize = 100;
/// The decimals a tax rate may carry (rates are fractions: 0.125 is 12.5 %).
pub const RATE_DECIMALS: u32 = 6;

const PARITY_JSON: &str = include_str!("../../data/tax/portfolio-analyzer-v1.json");
const EQUITY_2024_JSON: &str = include_str!("../../data/tax/india-equity-2024-07-23.json");

/// When a lot becomes long-term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LongTermAfter {
    /// Held more than this many calendar days.
    Days(u16),
    /// Held more than this many calendar months (the day after the same day of the month,
    /// or the month's last day when it has no such day).
    Months(u16),
}

/// One set of rates, in effect from a date for some classes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaxRegime {
    /// The first day the regime applies.
    pub effective_from: Date,
    /// The lower-case asset classes it applies to; `*` matches every class.
    pub classes: Vec<String>,
    /// The holding period after which a gain is long-term.
    pub long_term_after: LongTermAfter,
    /// The long-term rate (a fraction).
    pub ltcg_rate: Decimal,
    /// Long-term gains up to this many rupees are exempt (once per analysis).
    pub ltcg_exemption: Decimal,
    /// The short-term rate (a fraction).
    pub stcg_rate: Decimal,
}

impl TaxRegime {
    /// The date after which a lot bought on `purchase` is long-term: it is long-term on
    /// any later day.
    pub fn short_term_until(&self, purchase: Date) -> Option<Date> {
        match self.long_term_after {
            LongTermAfter::Days(n) => purchase.checked_add(time::Duration::days(i64::from(n))),
            LongTermAfter::Months(m) => add_months(purchase, m),
        }
    }

    /// Whether a lot bought on `purchase` is long-term on `today`.
    pub fn is_long_term(&self, purchase: Date, today: Date) -> bool {
        self.short_term_until(purchase).is_some_and(|d| today > d)
    }

    /// The days from `today` to the last short-term day, when that is still ahead.
    pub fn days_to_long_term(&self, purchase: Date, today: Date) -> Option<i64> {
        let last = self.short_term_until(purchase)?;
        let left = (last - today).whole_days();
        (left > 0).then_some(left)
    }

    /// The rate as a percent text: `10`, `12.5`.
    pub(crate) fn percent_text(rate: Decimal) -> String {
        (rate * Decimal::ONE_HUNDRED).normalize().to_string()
    }

    /// The exemption in lakh: `1`, `1.25`.
    pub(crate) fn exemption_lakh_text(&self) -> String {
        (self.ltcg_exemption / Decimal::from(100_000))
            .normalize()
            .to_string()
    }

    /// The SELL note for a long-term lot: `LTCG: 10% tax on gains above INR 1 lakh`.
    pub fn ltcg_note(&self) -> String {
        format!(
            "LTCG: {}% tax on gains above INR {} lakh",
            Self::percent_text(self.ltcg_rate),
            self.exemption_lakh_text()
        )
    }

    /// The SELL note for a short-term lot: `STCG: 15% tax on gains`.
    pub fn stcg_note(&self) -> String {
        format!("STCG: {}% tax on gains", Self::percent_text(self.stcg_rate))
    }

    fn applies_to(&self, class: &str) -> Option<bool> {
        if self.classes.iter().any(|c| c == class) {
            Some(true)
        } else if self.classes.iter().any(|c| c == "*") {
            Some(false)
        } else {
            None
        }
    }
}

fn add_months(date: Date, months: u16) -> Option<Date> {
    let index = i32::from(u8::from(date.month())) - 1 + i32::from(months);
    let year = date.year().checked_add(index.div_euclid(12))?;
    let month = time::Month::try_from(u8::try_from(index.rem_euclid(12) + 1).ok()?).ok()?;
    let last = month.length(year);
    Date::from_calendar_date(year, month, date.day().min(last)).ok()
}

/// A dated tax table: a list of regimes, each in effect from a date for some asset
/// classes; for each lot the regime in effect on `today` for its class is used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaxTable {
    id: String,
    regimes: Vec<TaxRegime>,
}

impl TaxTable {
    /// portfolio-analyzer-v1's constants (§8.7): every class, long-term after 365 days,
    /// 10 % above ₹1,00,000, short-term 15 %. Read from `core/data/tax/portfolio-analyzer-v1.json`.
    pub fn parity() -> Result<TaxTable, PortfolioError> {
        TaxTable::from_json(PARITY_JSON)
    }

    /// The parity constants, with equity-oriented funds (class `equity`) from 2024-07-23 at
    /// short-term 20 %, long-term 12.5 % above ₹1,25,000 after 12 months. Read from
    /// `core/data/tax/india-equity-2024-07-23.json`; the product owner confirms it
    /// (docs/decisions.md).
    pub fn equity_2024() -> Result<TaxTable, PortfolioError> {
        TaxTable::from_json(EQUITY_2024_JSON)
    }

    /// The table's name.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Every regime, in file order.
    pub fn regimes(&self) -> &[TaxRegime] {
        &self.regimes
    }

    /// The regime in effect on `today` for the lower-case `class` and its index: the
    /// latest `effective_from` on or before today, a regime naming the class before one
    /// with `*`.
    pub fn regime_for(&self, class: &str, today: Date) -> Option<(usize, &TaxRegime)> {
        self.regimes
            .iter()
            .enumerate()
            .filter(|(_, r)| r.effective_from <= today)
            .filter_map(|(i, r)| r.applies_to(class).map(|named| (i, r, named)))
            .max_by_key(|(_, r, named)| (r.effective_from, *named))
            .map(|(i, r, _)| (i, r))
    }

    /// Reads a table:
    /// `{"id": "…", "about"?: "…", "regimes": [{"effective_from": "YYYY-MM-DD",
    /// "classes": ["equity", …] or ["*"], "long_term_after": {"days": n} or {"months": n},
    /// "ltcg_rate": "0.10", "ltcg_exemption": "100000", "stcg_rate": "0.15", "about"?: "…"}]}`.
    /// Rates are fractions from 0 to 1 with at most 6 decimals (numbers or strings); the
    /// exemption is rupees with at most 2 decimals. Every key is checked; two regimes for
    /// the same class from the same day are refused. A bad document is
    /// `portfolio_tax_table` naming the regime and key.
    pub fn from_json(text: &str) -> Result<TaxTable, PortfolioError> {
        if text.len() > MAX_TAX_TABLE_JSON {
            return Err(tax_table(
                "tax_table",
                "the document is larger than 65536 bytes",
            ));
        }
        let value = crate::json::parse(text).map_err(|e| tax_table("tax_table", e.to_string()))?;
        let Value::Object(map) = value else {
            return Err(tax_table("tax_table", "the document must be a JSON object"));
        };
        unknown_keys(&map, &["id", "about", "regimes"], "tax_table")?;
        let id = match map.get("id") {
            Some(Value::String(s)) if !s.is_empty() && s.chars().count() <= 64 => s.clone(),
            _ => return Err(tax_table("id", "must be a name of 1 to 64 characters")),
        };
        about(&map, "about")?;
        let Some(Value::Array(rows)) = map.get("regimes") else {
            return Err(tax_table("regimes", "must be a list of regimes"));
        };
        if rows.is_empty() || rows.len() > MAX_REGIMES {
            return Err(tax_table(
                "regimes",
                format!("must have 1 to {MAX_REGIMES} regimes"),
            ));
        }
        let regimes = rows
            .iter()
            .enumerate()
            .map(|(i, row)| regime(row, i))
            .collect::<Result<Vec<_>, _>>()?;
        for (i, a) in regimes.iter().enumerate() {
            for b in regimes.iter().skip(i + 1) {
                if a.effective_from == b.effective_from
                    && a.classes.iter().any(|c| b.classes.contains(c))
                {
                    return Err(tax_table(
                        "regimes",
                        format!(
                            "two regimes for the same class take effect on {}",
                            a.effective_from
                        ),
                    ));
                }
            }
        }
        Ok(TaxTable { id, regimes })
    }

    /// Writes the table in the format [`TaxTable::from_json`] reads.
    pub fn to_json(&self) -> String {
        let regimes: Vec<Value> = self
            .regimes
            .iter()
            .map(|r| {
                let (unit, n) = match r.long_term_after {
                    LongTermAfter::Days(n) => ("days", n),
                    LongTermAfter::Months(n) => ("months", n),
                };
                serde_json::json!({
                    "effective_from": r.effective_from.to_string(),
                    "classes": r.classes,
                    "long_term_after": { unit: n },
                    "ltcg_rate": r.ltcg_rate.to_string(),
                    "ltcg_exemption": r.ltcg_exemption.to_string(),
                    "stcg_rate": r.stcg_rate.to_string(),
                })
            })
            .collect();
        serde_json::to_string_pretty(&serde_json::json!({"id": self.id, "regimes": regimes}))
            .unwrap_or_default()
    }
}

fn unknown_keys(map: &Map<String, Value>, known: &[&str], at: &str) -> Result<(), PortfolioError> {
    match map.keys().find(|k| !known.contains(&k.as_str())) {
        Some(k) => {
            let shown: String = k.chars().take(64).collect();
            Err(tax_table(at, format!("{shown:?} is not a known key")))
        }
        None => Ok(()),
    }
}

fn about(map: &Map<String, Value>, field: &str) -> Result<(), PortfolioError> {
    match map.get("about") {
        None => Ok(()),
        Some(Value::String(s)) if s.chars().count() <= 4096 => Ok(()),
        Some(_) => Err(tax_table(
            field,
            "must be a text of at most 4096 characters",
        )),
    }
}

fn regime(row: &Value, i: usize) -> Result<TaxRegime, PortfolioError> {
    let at = format!("regimes[{i}]");
    let field = |key: &str| format!("regimes[{i}].{key}");
    let Value::Object(map) = row else {
        return Err(tax_table(at, "must be an object"));
    };
    unknown_keys(
        map,
        &[
            "effective_from",
            "classes",
            "long_term_after",
            "ltcg_rate",
            "ltcg_exemption",
            "stcg_rate",
            "about",
        ],
        &at,
    )?;
    about(map, &field("about"))?;
    let effective_from = match map.get("effective_from") {
        Some(Value::String(s)) => parse_date(s, "effective_from")
            .map_err(|_| tax_table(field("effective_from"), "must be a date YYYY-MM-DD"))?,
        _ => {
            return Err(tax_table(
                field("effective_from"),
                "must be a date YYYY-MM-DD",
            ))
        }
    };
    let classes = match map.get("classes") {
        Some(Value::Array(list)) if !list.is_empty() => {
            let mut out: Vec<String> = Vec::new();
            for c in list {
                match c {
                    Value::String(s) if s == "*" || ASSET_CLASSES.contains(&s.as_str()) => {
                        if out.contains(s) {
                            return Err(tax_table(field("classes"), "names a class twice"));
                        }
                        out.push(s.clone());
                    }
                    _ => {
                        return Err(tax_table(
                            field("classes"),
                            "each class is one of equity, debt, hybrid, gold, international, liquid, or *",
                        ))
                    }
                }
            }
            out
        }
        _ => {
            return Err(tax_table(
                field("classes"),
                "must be a non-empty list of classes",
            ))
        }
    };
    let long_term_after = match map.get("long_term_after") {
        Some(Value::Object(p)) if p.len() == 1 => {
            let (unit, n) = p
                .iter()
                .next()
                .map(|(k, v)| (k.as_str(), v.as_u64()))
                .unwrap_or(("", None));
            match (unit, n.and_then(|n| u16::try_from(n).ok())) {
                ("days", Some(n)) if (1..=3650).contains(&n) => LongTermAfter::Days(n),
                ("months", Some(n)) if (1..=120).contains(&n) => LongTermAfter::Months(n),
                _ => {
                    return Err(tax_table(
                        field("long_term_after"),
                        "must be {\"days\": 1–3650} or {\"months\": 1–120}",
                    ))
                }
            }
        }
        _ => {
            return Err(tax_table(
                field("long_term_after"),
                "must be {\"days\": 1–3650} or {\"months\": 1–120}",
            ))
        }
    };
    let rate = |key: &str| -> Result<Decimal, PortfolioError> {
        map.get(key)
            .and_then(json_decimal)
            .and_then(|d| to_scaled(d, RATE_DECIMALS))
            .filter(|s| (0..=1_000_000).contains(s))
            .map(|s| decimal(s, RATE_DECIMALS).normalize())
            .ok_or_else(|| {
                tax_table(
                    field(key),
                    "must be a fraction from 0 to 1 with at most 6 decimals",
                )
            })
    };
    let ltcg_exemption = map
        .get("ltcg_exemption")
        .and_then(json_decimal)
        .and_then(|d| to_scaled(d, 2))
        .filter(|s| (0..=crate::money::Money::MAX_MINOR as i128).contains(s))
        .map(|s| decimal(s, 2).normalize())
        .ok_or_else(|| {
            tax_table(
                field("ltcg_exemption"),
                "must be rupees from 0 with at most 2 decimals",
            )
        })?;
    Ok(TaxRegime {
        effective_from,
        classes,
        long_term_after,
        ltcg_rate: rate("ltcg_rate")?,
        ltcg_exemption,
        stcg_rate: rate("stcg_rate")?,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    fn date(s: &str) -> Date {
        parse_date(s, "today").unwrap()
    }

    #[test]
    fn parity_texts_come_from_the_table() {
        let t = TaxTable::parity().unwrap();
        let (_, r) = t.regime_for("debt", date("2026-01-01")).unwrap();
        assert_eq!(r.ltcg_note(), "LTCG: 10% tax on gains above INR 1 lakh");
        assert_eq!(r.stcg_note(), "STCG: 15% tax on gains");
        assert!(!r.is_long_term(date("2024-01-01"), date("2024-12-31"))); // 365 days
        assert!(r.is_long_term(date("2024-01-01"), date("2025-01-01")));
        assert_eq!(
            r.days_to_long_term(date("2024-01-01"), date("2024-10-01")),
            Some(91)
        );
    }

    #[test]
    fn equity_regime_from_2024_07_23() {
        let t = TaxTable::equity_2024().unwrap();
        let (_, before) = t.regime_for("equity", date("2024-07-22")).unwrap();
        assert_eq!(before.stcg_note(), "STCG: 15% tax on gains");
        let (_, eq) = t.regime_for("equity", date("2024-07-23")).unwrap();
        assert_eq!(
            eq.ltcg_note(),
            "LTCG: 12.5% tax on gains above INR 1.25 lakh"
        );
        assert_eq!(eq.stcg_note(), "STCG: 20% tax on gains");
        let (_, debt) = t.regime_for("debt", date("2025-01-01")).unwrap();
        assert_eq!(debt.stcg_note(), "STCG: 15% tax on gains");
        // 12 months: bought 2024-02-29, long-term from the day after 2025-02-28.
        assert!(!eq.is_long_term(date("2024-02-29"), date("2025-02-28")));
        assert!(eq.is_long_term(date("2024-02-29"), date("2025-03-01")));
    }

    #[test]
    fn bad_tables_name_the_key() {
        let field = |t: &str| TaxTable::from_json(t).unwrap_err().field();
        let ok = r#"{"effective_from":"2020-01-01","classes":["*"],"long_term_after":{"days":365},"ltcg_rate":"0.1","ltcg_exemption":100000,"stcg_rate":0.15}"#;
        assert!(TaxTable::from_json(&format!(r#"{{"id":"x","regimes":[{ok}]}}"#)).is_ok());
        assert_eq!(
            field(&format!(
                r#"{{"id":"x","regimes":[{}]}}"#,
                ok.replace("0.15", "1.5")
            )),
            "regimes[0].stcg_rate"
        );
        assert_eq!(
            field(&format!(
                r#"{{"id":"x","regimes":[{}]}}"#,
                ok.replace("days", "weeks")
            )),
            "regimes[0].long_term_after"
        );
        assert_eq!(
            field(&format!(
                r#"{{"id":"x","regimes":[{}]}}"#,
                ok.replace("\"*\"", "\"cash\"")
            )),
            "regimes[0].classes"
        );
        assert_eq!(
            field(&format!(r#"{{"id":"x","regimes":[{ok},{ok}]}}"#)),
            "regimes"
        );
        assert_eq!(field(r#"{"id":"x","regimes":[],"rates":1}"#), "tax_table");
        assert_eq!(
            field(&format!(
                r#"{{"id":"x","regimes":[{}]}}"#,
                ok.replace("ltcg_rate", "ltcg_rat")
            )),
            "regimes[0]"
        );
    }

    #[test]
    fn round_trips() {
        for t in [
            TaxTable::parity().unwrap(),
            TaxTable::equity_2024().unwrap(),
        ] {
            assert_eq!(TaxTable::from_json(&t.to_json()).unwrap(), t);
        }
    }
}
